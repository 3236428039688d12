export { fromDbDate, toDbDate } from '@antt/service-kit';
export { type UnitRef } from './unit-ref';
