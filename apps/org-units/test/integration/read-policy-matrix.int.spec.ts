import { type Identity, READ_POLICY, ROLES, type Role, readDecision } from '@antt/auth';
import { type OrgUnitsHarness, startHarness, systemAdmin } from '../support/org-units-harness';
import { type UnitResult, mutateOk } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Tree = Awaited<ReturnType<typeof seedTree>> & { policeInside: UnitResult; policeOutside: UnitResult };

/** Where the unit read lies for a caller whose jurisdiction is Huyện Vũ Thư. */
const PLACES = ['inside', 'outside'] as const;
type Place = (typeof PLACES)[number];

/** An operation of the matrix: the query, its variables for a place, and the exact answer the read policy calls for. */
interface Operation {
  name: string;
  query: string;
  variables: (tree: Tree, place: Place) => Record<string, unknown>;
  expected: (tree: Tree, place: Place, sees: { everywhere: boolean; armedForces: boolean }) => unknown;
}

const OPERATIONS: Operation[] = [
  {
    name: 'unit (a commune)',
    query: 'query($id: ID!) { unit(id: $id) { code } }',
    variables: (tree, place) => ({ id: place === 'inside' ? tree.vuHoi.id : tree.vuQuy.id }),
    expected: (_, place, sees) => ({ unit: place === 'inside' || sees.everywhere ? { code: place === 'inside' ? '12670' : '12730' } : null }),
  },
  {
    name: 'unit (a police unit)',
    query: 'query($id: ID!) { unit(id: $id) { code } }',
    variables: (tree, place) => ({ id: place === 'inside' ? tree.policeInside.id : tree.policeOutside.id }),
    expected: (_, place, sees) => ({
      unit: sees.armedForces && (place === 'inside' || sees.everywhere) ? { code: place === 'inside' ? 'CA-344' : 'CA-345' } : null,
    }),
  },
  {
    name: "unit's children",
    query: 'query($id: ID!) { unit(id: $id) { children(first: 50) { totalCount edges { node { code } } } } }',
    variables: (tree, place) => ({ id: place === 'inside' ? tree.vuThu.id : tree.kienXuong.id }),
    expected: (_, place, sees) => {
      if (place === 'outside' && !sees.everywhere) return { unit: null };
      const codes = place === 'inside' ? ['12670', '12676', '34000315', ...(sees.armedForces ? ['CA-344'] : [])] : ['12730', ...(sees.armedForces ? ['CA-345'] : [])];
      codes.sort();
      return { unit: { children: { totalCount: codes.length, edges: codes.map((code) => ({ node: { code } })) } } };
    },
  },
  {
    name: 'searchUnits',
    query: 'query($text: String!) { searchUnits(text: $text) { code } }',
    variables: (_, place) => ({ text: place === 'inside' ? 'cong an huyen vu thu' : 'cong an huyen kien xuong' }),
    expected: (_, place, sees) => ({
      searchUnits: sees.armedForces && (place === 'inside' || sees.everywhere) ? [{ code: place === 'inside' ? 'CA-344' : 'CA-345' }] : [],
    }),
  },
  {
    name: 'units list',
    query: 'query($kinds: [UnitKind!]) { units(filter: { kinds: $kinds }) { totalCount edges { node { code } } } }',
    variables: (_, place) => ({ kinds: place === 'inside' ? ['AGENCY', 'COMMUNE'] : ['AGENCY'] }),
    expected: (_, place, sees) => {
      const inside = ['12670', '12676', ...(sees.armedForces ? ['CA-344'] : [])];
      const outside = sees.everywhere ? ['12730', ...(sees.armedForces ? ['CA-345'] : [])] : [];
      const codes = place === 'inside' ? [...inside, ...outside] : [...inside, ...outside].filter((code) => code.startsWith('CA-'));
      codes.sort();
      return { units: { totalCount: codes.length, edges: codes.map((code) => ({ node: { code } })) } };
    },
  },
];

describe('read policy matrix: roles × operations × inside/outside the jurisdiction, through the gateway', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    harness = await startHarness('2025-09-01');
    const seeded = await seedTree(harness);
    const police = (code: string, name: string, parentId: string) =>
      mutateOk<UnitResult>(harness, 'createUnit', { effectiveDate: '2024-01-01', code, kind: 'AGENCY', name, parentId, attributes: { armedForces: true } }, systemAdmin);
    tree = {
      ...seeded,
      policeInside: await police('CA-344', 'Công an huyện Vũ Thư', seeded.vuThu.id),
      policeOutside: await police('CA-345', 'Công an huyện Kiến Xương', seeded.kienXuong.id),
    };
  });
  afterAll(() => harness?.close());

  it('has a decision for every role and resource kind', () => {
    expect(Object.keys(READ_POLICY).sort()).toEqual([...ROLES].sort());
    expect(readDecision(['CITIZEN'], 'ARMED_FORCES_UNIT')).toBe('ALLOW_AGGREGATES_ONLY');
    expect(readDecision(['EXTERNAL_READER', 'LEVEL_OFFICER'], 'ARMED_FORCES_UNIT')).toBe('ALLOW_AGGREGATES_ONLY');
    expect(readDecision(['CITIZEN', 'LEVEL_OFFICER'], 'ARMED_FORCES_UNIT')).toBe('ALLOW');
  });

  const callers: (Role | null)[] = [...ROLES, null];
  const cells = callers.flatMap((role) => OPERATIONS.flatMap((operation) => PLACES.map((place) => ({ role, operation, place }))));

  it.each(cells.map((cell) => [cell.role ?? 'anonymous', cell.operation.name, cell.place, cell] as const))(
    '%s × %s × %s',
    async (_role, _operation, _place, { role, operation, place }) => {
      const caller: Identity | null = role && { subject: `matrix-${role}`, roles: [role], jurisdictionUnitId: tree.vuThu.id };
      const response = await harness.request(operation.query, operation.variables(tree, place), caller);
      if (role === null) {
        expect(response.errors?.map((error) => ({ code: error.extensions?.code, reason: error.extensions?.reason }))).toEqual([
          { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' },
        ]);
        return;
      }
      const sees = { everywhere: role === 'SYSTEM_ADMIN', armedForces: readDecision([role], 'ARMED_FORCES_UNIT') === 'ALLOW' };
      expect(response).toEqual({ data: operation.expected(tree, place, sees) });
    },
  );
});
