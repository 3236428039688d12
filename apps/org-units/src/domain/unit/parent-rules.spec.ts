import { DomainError } from '@antt/service-kit';
import { PLACEMENT_RULES, assertManagingKind, assertNoCycle, assertParentKind } from './parent-rules';
import { UNIT_KINDS, type UnitKind } from './unit.types';

const reasonOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : 'NOT_A_DOMAIN_ERROR';
  }
};

describe('placement rules', () => {
  it.each<[UnitKind, UnitKind | null, string | null]>([
    ['PROVINCE', null, null],
    ['PROVINCE', 'PROVINCE', 'UNIT_PARENT_NOT_ALLOWED'],
    ['DISTRICT', 'PROVINCE', null],
    ['COMMUNE', 'DISTRICT', null],
    ['COMMUNE', 'PROVINCE', 'UNIT_PLACEMENT_NOT_IN_FORCE'],
    ['COMMUNE', null, 'UNIT_PARENT_REQUIRED'],
    ['RESIDENTIAL_AREA', 'COMMUNE', null],
    ['RESIDENTIAL_AREA', 'DISTRICT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['DEPARTMENT', 'DISTRICT', null],
    ['SCHOOL', 'COMMUNE', null],
    ['ENTERPRISE', 'RESIDENTIAL_AREA', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['SECURITY_TEAM', 'RESIDENTIAL_AREA', null],
    ['SECURITY_TEAM', 'DISTRICT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
  ])('%s under %s → %s', (kind, parentKind, reason) => {
    expect(reasonOf(() => assertParentKind(kind, parentKind, '2024-06-01'))).toBe(reason);
  });

  it('requires a managing unit among the administrative levels for agencies, enterprises and schools', () => {
    expect(reasonOf(() => assertManagingKind('AGENCY', null, '2024-06-01'))).toBe('UNIT_MANAGING_UNIT_REQUIRED');
    expect(reasonOf(() => assertManagingKind('SCHOOL', 'PROVINCE', '2024-06-01'))).toBeNull();
    expect(reasonOf(() => assertManagingKind('ENTERPRISE', 'DEPARTMENT', '2024-06-01'))).toBe('UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED');
    expect(reasonOf(() => assertManagingKind('COMMUNE', 'PROVINCE', '2024-06-01'))).toBe('UNIT_MANAGING_UNIT_NOT_ALLOWED');
    expect(reasonOf(() => assertManagingKind('SECURITY_TEAM', null, '2024-06-01'))).toBeNull();
  });

  it('follows the two-level government of 01/07/2025: no district level from then, communes under the province', () => {
    expect(reasonOf(() => assertParentKind('DISTRICT', 'PROVINCE', '2025-06-30'))).toBeNull();
    expect(reasonOf(() => assertParentKind('DISTRICT', 'PROVINCE', '2025-07-01'))).toBe('UNIT_PLACEMENT_NOT_IN_FORCE');
    expect(reasonOf(() => assertParentKind('COMMUNE', 'DISTRICT', '2025-07-01'))).toBe('UNIT_PLACEMENT_NOT_IN_FORCE');
    expect(reasonOf(() => assertParentKind('COMMUNE', 'PROVINCE', '2025-07-01'))).toBeNull();
    expect(reasonOf(() => assertParentKind('SCHOOL', 'DISTRICT', '2025-07-01'))).toBe('UNIT_PLACEMENT_NOT_IN_FORCE');
    expect(reasonOf(() => assertManagingKind('SCHOOL', 'DISTRICT', '2025-07-01'))).toBe('UNIT_PLACEMENT_NOT_IN_FORCE');
    expect(reasonOf(() => assertManagingKind('SCHOOL', 'PROVINCE', '2025-07-01'))).toBeNull();
  });

  it('has a rule for every kind, and no kind may sit under its own kind (so the kinds alone cannot loop)', () => {
    for (const kind of UNIT_KINDS) expect(PLACEMENT_RULES[kind].parentKinds).not.toContain(kind);
  });

  it('refuses to place a unit under itself or a descendant', () => {
    expect(reasonOf(() => assertNoCycle('a', 'a', []))).toBe('UNIT_CYCLE');
    expect(reasonOf(() => assertNoCycle('a', 'c', ['b', 'a', 'root']))).toBe('UNIT_CYCLE');
    expect(reasonOf(() => assertNoCycle('a', 'c', ['b', 'root']))).toBeNull();
  });
});
