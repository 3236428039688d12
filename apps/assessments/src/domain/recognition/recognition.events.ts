import { type EventContract, RecognitionDecidedV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type RecognitionView } from './recognition.types';

/** `assessments.recognition.decided.v1`: the whole current decision of the unit and year (state-carrying, keyed by unit). */
export function recognitionDecided(recognition: RecognitionView, correlationId: string | undefined): NewEvent<EventContract> {
  return {
    contract: RecognitionDecidedV1,
    aggregateId: recognition.unitId,
    correlationId,
    data: {
      unitId: recognition.unitId,
      unitKind: recognition.unitKind,
      year: recognition.year,
      campaignId: null,
      decidingUnitId: recognition.decidingUnitId,
      decisionNumber: recognition.decisionNumber,
      revision: recognition.revision,
      status: recognition.status,
      decidedOn: recognition.decidedOn,
      recognisedOn: recognition.recognisedOn,
      revokedOn: recognition.revokedOn,
      reason: recognition.reason,
    },
  };
}
