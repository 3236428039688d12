import { DomainError } from '@antt/service-kit';
import { assertCalendarDate, assertChangeDate, coversPeriod } from './date-rules';
import { EMPTY_ATTRIBUTES, type UnitRecord } from './unit.types';

const unit = (dissolvedOn: string | null = null): UnitRecord => ({
  id: 'u1',
  code: 'C',
  kind: 'COMMUNE',
  createdOn: '2020-01-01',
  dissolvedOn,
  revision: 2,
  timeline: [
    { code: 'C', validFrom: '2020-01-01', validTo: '2024-01-01', name: 'A', parentId: 'p', managingUnitId: null, attributes: EMPTY_ATTRIBUTES },
    { code: 'C', validFrom: '2024-01-01', validTo: dissolvedOn, name: 'B', parentId: 'p', managingUnitId: null, attributes: EMPTY_ATTRIBUTES },
  ],
});

const reasonOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).reason;
  }
};

describe('date rules', () => {
  it('accepts a change on or after the latest version start', () => {
    expect(reasonOf(() => assertChangeDate(unit(), '2024-01-01', null))).toBeNull();
    expect(reasonOf(() => assertChangeDate(unit(), '2026-01-01', null))).toBeNull();
  });

  it('needs a correction to change the past, and never before creation', () => {
    expect(reasonOf(() => assertChangeDate(unit(), '2023-12-31', null))).toBe('UNIT_CHANGE_IN_PAST');
    expect(reasonOf(() => assertChangeDate(unit(), '2023-12-31', { reason: 'x' }))).toBeNull();
    expect(reasonOf(() => assertChangeDate(unit(), '2019-12-31', { reason: 'x' }))).toBe('UNIT_DATE_BEFORE_CREATION');
  });

  it('accepts only corrections before the dissolution of a dissolved unit', () => {
    expect(reasonOf(() => assertChangeDate(unit('2025-01-01'), '2024-06-01', null))).toBe('UNIT_DISSOLVED');
    expect(reasonOf(() => assertChangeDate(unit('2025-01-01'), '2025-02-01', { reason: 'x' }))).toBe('UNIT_DISSOLVED');
    expect(reasonOf(() => assertChangeDate(unit('2025-01-01'), '2024-06-01', { reason: 'x' }))).toBeNull();
  });

  it('checks that another unit exists for a whole period', () => {
    expect(coversPeriod({ createdOn: '2020-01-01', dissolvedOn: null }, '2021-01-01', null)).toBe(true);
    expect(coversPeriod({ createdOn: '2022-01-01', dissolvedOn: null }, '2021-01-01', null)).toBe(false);
    expect(coversPeriod({ createdOn: '2020-01-01', dissolvedOn: '2025-01-01' }, '2021-01-01', null)).toBe(false);
    expect(coversPeriod({ createdOn: '2020-01-01', dissolvedOn: '2025-01-01' }, '2021-01-01', '2024-01-01')).toBe(true);
  });

  it('accepts real calendar dates only', () => {
    expect(assertCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(() => assertCalendarDate('2023-02-29')).toThrow(DomainError);
    expect(() => assertCalendarDate('01/07/2025')).toThrow(DomainError);
  });
});
