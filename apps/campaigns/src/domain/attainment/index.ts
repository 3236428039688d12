export { AttainmentQueryService, type AttainmentArgs } from './attainment-query.service';
export { AttainmentRepository } from './attainment.repository';
export { ATTAINMENT_ERROR_REASONS, attainmentErrors } from './attainment.errors';
export { BASIS_LABELS, LEVEL_KINDS, count, cutToScope, evaluationYear, figuresOf, judge, judgeKinds, levelCounts, mergeParts, shortfallReason } from './attainment.rules';
export { FACT } from './attainment.sql';
export {
  ATTAINMENT_TOPICS,
  attainmentBatchHandlers,
  attainmentHandlers,
  latestPerUnitYear,
  projectClassifications,
  projectRecognitions,
  type ClassificationDecision,
  type RecognitionDecision,
} from './assessment-projection';
export type * from './attainment.types';
