import { type OrgUnitsHarness, officer, orgAdmin, systemAdmin, tableCounts } from '../support/org-units-harness';
import { errorOf, mutate, queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

describe('org-units authorization and search', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  const UNIT = `query($id: ID!) { unit(id: $id) { name parent { code } ancestors { code } } }`;

  it('refuses an anonymous caller', async () => {
    const response = await harness.request(UNIT, { id: tree.vuHoi.id }, null);
    expect(errorOf(response)).toEqual({ code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' });
  });

  it('lets a caller read inside its jurisdiction, with fields above it null and ancestors cut at its unit', async () => {
    const data = await queryOk<{ unit: { name: string; parent: { code: string } | null; ancestors: { code: string }[] } }>(
      harness,
      `query($id: ID!) { unit(id: $id) { name parent { code } ancestors { code } } district: unit(id: "${tree.vuThu.id}") { parent { code } } }`,
      { id: tree.hoiThuong.id },
      officer(tree.vuThu.id),
    );
    expect(data.unit).toEqual({ name: 'Thôn Hội Thượng', parent: { code: '12670' }, ancestors: [{ code: '12670' }, { code: '344' }] });
    expect((data as unknown as { district: { parent: null } }).district.parent).toBeNull();
  });

  it('answers a unit outside the jurisdiction exactly as one that does not exist', async () => {
    const outside = await harness.request(UNIT, { id: tree.vuQuy.id }, officer(tree.vuThu.id));
    const unknown = await harness.request(UNIT, { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }, officer(tree.vuThu.id));
    expect(outside).toEqual({ data: { unit: null } });
    expect(unknown).toEqual(outside);
  });

  it('restricts lists and searches to the jurisdiction subtree', async () => {
    const data = await queryOk<{ units: { totalCount: number; edges: { node: { code: string } }[] }; searchUnits: { code: string }[] }>(
      harness,
      `{ units(filter: { kinds: [COMMUNE] }) { totalCount edges { node { code } } } searchUnits(text: "xa vu") { code } }`,
      {},
      officer(tree.vuThu.id),
    );
    expect(data.units.edges.map((e) => e.node.code)).toEqual(['12670', '12676']);
    expect(data.searchUnits.map((u) => u.code).sort()).toEqual(['12670', '12676']);
  });

  it('searches names ignoring case and diacritics, best match first', async () => {
    const data = await queryOk<{ a: { name: string }[]; b: { name: string }[]; c: { name: string }[] }>(
      harness,
      `{ a: searchUnits(text: "vu hoi") { name } b: searchUnits(text: "VŨ HỘI") { name } c: searchUnits(text: "kien xuong") { name } }`,
      {},
      systemAdmin,
    );
    expect(data.a.map((u) => u.name)).toEqual(['Xã Vũ Hội']);
    expect(data.b).toEqual(data.a);
    expect(data.c.map((u) => u.name)).toEqual(['Huyện Kiến Xương']);
  });

  it('paginates a connection with cursors', async () => {
    const first = await queryOk<{ units: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { code: string } }[] } }>(
      harness,
      `{ units(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
      {},
      systemAdmin,
    );
    expect(first.units.totalCount).toBe(10);
    expect(first.units.pageInfo.hasNextPage).toBe(true);
    const next = await queryOk<typeof first>(
      harness,
      `query($after: String) { units(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
      { after: first.units.pageInfo.endCursor },
      systemAdmin,
    );
    expect(next.units.edges).toHaveLength(6);
    expect(next.units.pageInfo.hasNextPage).toBe(false);
    expect([...first.units.edges, ...next.units.edges].map((e) => e.node.code)).toEqual(
      ['12670', '12670-01', '12676', '12676-01', '12730', '34', '34000315', '344', '345', '1000214587'].sort(),
    );
  });

  it('lets only ORG_ADMIN inside its jurisdiction (and SYSTEM_ADMIN) write, and writes nothing when refused', async () => {
    const before = await tableCounts(harness.prisma);
    const asOfficer = await mutate(harness, 'renameUnit', { unitId: tree.vuHoi.id, name: 'Xã X', effectiveDate: '2025-02-01' }, officer(tree.vuThu.id));
    expect(errorOf(asOfficer)).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const outside = await mutate(harness, 'renameUnit', { unitId: tree.vuQuy.id, name: 'Xã X', effectiveDate: '2025-02-01' }, orgAdmin(tree.vuThu.id));
    expect(errorOf(outside)).toEqual({ code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND' });
    const intoOutside = await mutate(harness, 'moveUnit', { unitId: tree.vuHoi.id, parentId: tree.kienXuong.id, effectiveDate: '2025-02-01' }, orgAdmin(tree.vuThu.id));
    expect(errorOf(intoOutside)).toEqual({ code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND' });
    const province = await mutate(harness, 'createUnit', { code: '35', kind: 'PROVINCE', name: 'Tỉnh Nam Định', effectiveDate: '2025-02-01' }, orgAdmin(tree.province.id));
    expect(errorOf(province)).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await tableCounts(harness.prisma)).toEqual(before);
    const inside = await mutate(harness, 'renameUnit', { unitId: tree.vuHoi.id, name: 'Xã Vũ Hội', effectiveDate: '2025-02-01' }, orgAdmin(tree.vuThu.id));
    expect(errorOf(inside)).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNIT_NOTHING_CHANGED' });
  });

  it('resolves references for other subgraphs through _entities, batched and policed', async () => {
    const response = await harness.requestSubgraph<{ _entities: { code: string }[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Unit { code } } }`,
      { reps: [{ __typename: 'Unit', id: tree.vuHoi.id }, { __typename: 'Unit', id: tree.hoiThuong.id }] },
      officer(tree.vuThu.id),
    );
    expect(response.data?._entities).toEqual([{ code: '12670' }, { code: '12670-01' }]);
    const outside = await harness.requestSubgraph(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Unit { code } } }`,
      { reps: [{ __typename: 'Unit', id: tree.vuQuy.id }] },
      officer(tree.vuThu.id),
    );
    expect(outside.errors).toBeUndefined();
    expect(outside.data?._entities).toEqual([null]);
  });
});
