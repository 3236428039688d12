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
    ['COMMUNE', 'PROVINCE', null],
    ['COMMUNE', null, 'UNIT_PARENT_REQUIRED'],
    ['RESIDENTIAL_AREA', 'COMMUNE', null],
    ['RESIDENTIAL_AREA', 'DISTRICT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['DEPARTMENT', 'DISTRICT', null],
    ['SCHOOL', 'COMMUNE', null],
    ['ENTERPRISE', 'RESIDENTIAL_AREA', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    ['SECURITY_TEAM', 'RESIDENTIAL_AREA', null],
    ['SECURITY_TEAM', 'DISTRICT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
  ])('%s under %s → %s', (kind, parentKind, reason) => {
    expect(reasonOf(() => assertParentKind(kind, parentKind))).toBe(reason);
  });

  it('requires a managing unit among the administrative levels for agencies, enterprises and schools', () => {
    expect(reasonOf(() => assertManagingKind('AGENCY', null))).toBe('UNIT_MANAGING_UNIT_REQUIRED');
    expect(reasonOf(() => assertManagingKind('SCHOOL', 'PROVINCE'))).toBeNull();
    expect(reasonOf(() => assertManagingKind('ENTERPRISE', 'DEPARTMENT'))).toBe('UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED');
    expect(reasonOf(() => assertManagingKind('COMMUNE', 'PROVINCE'))).toBe('UNIT_MANAGING_UNIT_NOT_ALLOWED');
    expect(reasonOf(() => assertManagingKind('SECURITY_TEAM', null))).toBeNull();
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
