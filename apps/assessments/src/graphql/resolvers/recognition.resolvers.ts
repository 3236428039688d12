import { RECOGNITION_ACTION_LABELS, RECOGNITION_STATUS_LABELS } from '../../domain/recognition';
import { type RecognisingBodyResolvers, type RecognitionRevisionResolvers, type SafeStandardRecognitionResolvers } from '../__generated__/resolvers-types';

export const SafeStandardRecognition: SafeStandardRecognitionResolvers = {
  unit: (recognition) => ({ id: recognition.unitId }),
  decidingUnit: (recognition) => ({ id: recognition.decidingUnitId }),
  statusLabel: (recognition) => RECOGNITION_STATUS_LABELS[recognition.status],
  revisions: (recognition, _, { recognitions }) => recognitions.revisionsOf(recognition),
};

export const RecognitionRevision: RecognitionRevisionResolvers = {
  actorUnit: (revision) => ({ id: revision.actorUnitId }),
  actionLabel: (revision) => RECOGNITION_ACTION_LABELS[revision.action],
  at: (revision) => revision.at.toISOString(),
};

export const RecognisingBody: RecognisingBodyResolvers = {
  unitId: (resolution) => resolution.bodyUnitId,
  unit: (resolution) => (resolution.bodyUnitId === null ? null : { id: resolution.bodyUnitId }),
};
