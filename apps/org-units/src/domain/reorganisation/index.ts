export * from './plan.types';
export { runPlan, type TreeSnapshot, type SnapshotUnit } from './plan-engine';
export { canonicalOperations, planText, type PlanOperationInput } from './plan-input';
export { ReorganisationService, MAX_PLAN_OPERATIONS_PER_REQUEST, type NewPlanInput } from './reorganisation.service';
export { loadTreeSnapshot } from './reorganisation.repository';
export { mappingToOperations, MAPPING_COLUMNS, type MappingRow, type MappingTreeUnit } from './plan-mapping';
