export { UnitDirectory, type DirectoryEntry } from './unit-directory';
export { projectUnitState, type ProjectionOutcome } from './project-unit-state';
export { latestPerUnit, projectUnitStates } from './project-unit-states';
export { type UnitState } from './unit-state';
export { type SqlClient } from './sql';
export { toIsoDate } from './dates';
export { unitDirectoryBatchHandlers, unitDirectoryHandlers, UNIT_DIRECTORY_TOPICS } from './handlers';
export { type DirectoryAttributes } from './unit-state';
export { safeStandardScope, type SafeStandardExclusion, type SafeStandardScope } from './safe-standard-scope';
