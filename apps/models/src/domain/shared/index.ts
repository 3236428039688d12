export { addDays, fromDbDate, toDbDate } from '@antt/service-kit';
export * from './labels';
export { type UnitRef } from './unit-ref';
export { ModelsInput } from './model-input';
export { refreshStatisticPeriods, refreshStatisticPeriodsOfUnits } from './statistic-periods';
