export {
  UnitDirectory,
  type CarrierOptions,
  type DirectoryEntry,
  type UnitOnDate,
  type LineageLink,
  type LineageRelative,
  type ReadJurisdiction,
} from './unit-directory';
export { lineageOf, recordLineage, type LineageEventKind, type LineageHop, type LineageShare } from './lineage';
export { projectUnitState, type ProjectionOutcome } from './project-unit-state';
export { latestPerUnit, projectUnitStates } from './project-unit-states';
export { type UnitState } from './unit-state';
export { type SqlClient } from './sql';
export { toIsoDate } from './dates';
export { unitDirectoryBatchHandlers, unitDirectoryHandlers, unitStatesOf, UNIT_DIRECTORY_PARTITIONS_AT_ONCE, UNIT_DIRECTORY_TOPICS } from './handlers';
export { type DirectoryAttributes } from './unit-state';
export { safeStandardScope, type SafeStandardExclusion, type SafeStandardScope } from './safe-standard-scope';
