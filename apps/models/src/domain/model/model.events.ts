import { ModelCreatedV1, ModelDissolvedV1, ModelReplicatedV1, ModelResumedV1, ModelSuspendedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type DissolutionDecisionView, type ModelView } from './model.types';

type Event = NewEvent<EventContract>;

const state = (model: ModelView) => ({
  modelId: model.id,
  name: model.name,
  typeCode: model.typeCode,
  hostUnitId: model.hostUnitId,
  foundedOn: model.foundedOn,
});

/** `models.model.created.v1` */
export function modelCreated(model: ModelView, correlationId: string | undefined): Event {
  return { contract: ModelCreatedV1, aggregateId: model.id, correlationId, data: state(model) };
}

/** `models.model.replicated.v1` */
export function modelReplicated(model: ModelView, sourceModelId: string, correlationId: string | undefined): Event {
  return { contract: ModelReplicatedV1, aggregateId: model.id, correlationId, data: { ...state(model), sourceModelId } };
}

/** `models.model.suspended.v1` */
export function modelSuspended(model: ModelView, suspendedOn: string, reason: string, correlationId: string | undefined): Event {
  return { contract: ModelSuspendedV1, aggregateId: model.id, correlationId, data: { ...state(model), suspendedOn, reason } };
}

/** `models.model.resumed.v1` */
export function modelResumed(model: ModelView, resumedOn: string, reason: string, correlationId: string | undefined): Event {
  return { contract: ModelResumedV1, aggregateId: model.id, correlationId, data: { ...state(model), resumedOn, reason } };
}

/** `models.model.dissolved.v1` */
export function modelDissolved(model: ModelView, decision: DissolutionDecisionView, correlationId: string | undefined): Event {
  return {
    contract: ModelDissolvedV1,
    aggregateId: model.id,
    correlationId,
    data: {
      ...state(model),
      dissolvedOn: model.statusOn,
      reason: model.statusReason ?? '',
      decisionNumber: decision.number,
      decisionDate: decision.date,
      decidedByUnitId: decision.decidedByUnitId,
    },
  };
}
