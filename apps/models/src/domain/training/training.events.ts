import { type EventContract, ModelTrainingHeldV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type TrainingView } from './training.types';

/** `models.model.training-held.v1` */
export function trainingHeld(training: TrainingView, hostUnitId: string, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: ModelTrainingHeldV1,
    aggregateId: training.modelId,
    correlationId,
    data: {
      modelId: training.modelId,
      trainingId: training.id,
      hostUnitId,
      heldOn: training.heldOn,
      content: training.content,
      trainer: training.trainer,
      participants: training.participants,
    },
  };
}
