export { fromDbDate, toDbDate } from '@antt/service-kit';
export { isSystemAdmin, seesUnit } from './access';
export { type UnitRef } from './unit-ref';
