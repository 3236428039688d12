import { ClassificationDecidedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type ClassificationView } from './classification.types';

/** `assessments.classification.decided.v1`: the whole current classification of the unit and year (keyed by unit). */
export function classificationDecided(classification: ClassificationView, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: ClassificationDecidedV1,
    aggregateId: classification.unitId,
    correlationId,
    data: {
      unitId: classification.unitId,
      unitKind: classification.unitKind,
      year: classification.year,
      campaignId: null,
      decidingUnitId: classification.decidingUnitId,
      decisionNumber: classification.decisionNumber,
      revision: classification.revision,
      classification: classification.classification,
      score: classification.score,
      ruleSetVersion: classification.ruleSetCode,
      decidedOn: classification.decidedOn,
    },
  };
}
