import { DomainError } from './domain-error';
import { type Identity } from './identity';
import { hasRole, requireCaller, requireJurisdiction, requireRole, type JurisdictionChecker } from './policies';

const officer: Identity = { subject: 'dung', roles: ['UNIT_OFFICER'], jurisdictionUnitId: 'district-1' };
const admin: Identity = { subject: 'root', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: 'province' };

/** district-1 contains commune-1; nothing else. */
const tree: JurisdictionChecker & { calls: unknown[][] } = {
  calls: [],
  async isWithin(unitId, ancestorUnitId, asOf) {
    this.calls.push([unitId, ancestorUnitId, asOf]);
    return unitId === 'commune-1' && ancestorUnitId === 'district-1';
  },
};

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('requireCaller', () => {
  it('returns the caller or throws UNAUTHENTICATED', () => {
    expect(requireCaller(officer)).toBe(officer);
    const error = caught(() => requireCaller(null));
    expect([error.category, error.reason]).toEqual(['UNAUTHENTICATED', 'AUTHENTICATION_REQUIRED']);
  });
});

describe('requireRole', () => {
  it('passes a caller holding one of the roles', () => {
    expect(requireRole(officer, ['ORG_ADMIN', 'UNIT_OFFICER'])).toBe(officer);
    expect(hasRole(officer, ['UNIT_OFFICER'])).toBe(true);
    expect(hasRole(null, ['UNIT_OFFICER'])).toBe(false);
  });

  it('throws FORBIDDEN ROLE_REQUIRED naming the roles', () => {
    const error = caught(() => requireRole(officer, ['ORG_ADMIN']));
    expect([error.category, error.reason, error.details]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED', { requiredRoles: ['ORG_ADMIN'] }]);
  });

  it('throws UNAUTHENTICATED for an anonymous caller', () => {
    expect(caught(() => requireRole(null, ['ORG_ADMIN'])).category).toBe('UNAUTHENTICATED');
  });
});

describe('requireJurisdiction', () => {
  beforeEach(() => {
    tree.calls = [];
  });

  it('passes a unit inside the subtree, asking the checker with the date', async () => {
    await expect(requireJurisdiction(tree, officer, 'commune-1', '2024-06-30')).resolves.toBe(officer);
    expect(tree.calls).toEqual([['commune-1', 'district-1', '2024-06-30']]);
  });

  it('passes the jurisdiction unit itself', async () => {
    await expect(requireJurisdiction(tree, officer, 'district-1', new Date())).resolves.toBe(officer);
  });

  it('throws FORBIDDEN OUTSIDE_JURISDICTION outside the subtree', async () => {
    const error = await requireJurisdiction(tree, officer, 'commune-9', '2024-06-30').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect([(error as DomainError).category, (error as DomainError).reason]).toEqual(['FORBIDDEN', 'OUTSIDE_JURISDICTION']);
  });

  it('lets SYSTEM_ADMIN act everywhere without asking the checker', async () => {
    await expect(requireJurisdiction(tree, admin, 'commune-9', '2024-06-30')).resolves.toBe(admin);
    expect(tree.calls).toEqual([]);
  });

  it('throws UNAUTHENTICATED for an anonymous caller', async () => {
    const error = await requireJurisdiction(tree, null, 'commune-1', '2024-06-30').catch((e: unknown) => e);
    expect((error as DomainError).category).toBe('UNAUTHENTICATED');
  });
});
