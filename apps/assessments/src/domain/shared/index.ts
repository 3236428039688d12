export { fromDbDate, toDbDate } from '@antt/service-kit';
export { isSystemAdmin, seesUnit } from './access';
export { pairedReads } from './paired-reads';
export { type UnitRef } from './unit-ref';
