import { type OrgUnitsHarness, officer, systemAdmin, tableCounts } from '../support/org-units-harness';
import { mutate, mutateOk, queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

/** Input canonicalised and bounded at the edge (issue 5, defects 5 and 6), through the gateway. */
describe('org-units input', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  const badInputOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => {
    const extensions = response.errors?.[0]?.extensions;
    return { code: extensions?.code, reason: extensions?.reason, field: extensions?.field };
  };

  it.each([
    ['a non-UUID id', 'renameUnit', () => ({ unitId: '12', name: 'Xã', effectiveDate: '2025-09-01' }), 'INVALID_ID', 'unitId'],
    ['a NUL byte in an id', 'moveUnit', () => ({ unitId: tree.hoiThuong.id, parentId: `${tree.vuVinh.id}\u0000`, effectiveDate: '2025-09-01' }), 'INVALID_ID', 'parentId'],
    ['a NUL byte in a name', 'renameUnit', () => ({ unitId: tree.vuHoi.id, name: 'Xã\u0000Vũ', effectiveDate: '2025-09-01' }), 'UNIT_INVALID_INPUT', 'name'],
    ['a bidi override in a name', 'renameUnit', () => ({ unitId: tree.vuHoi.id, name: 'Xã \u202EiộH ũV', effectiveDate: '2025-09-01' }), 'UNIT_INVALID_INPUT', 'name'],
    ['a blank name', 'renameUnit', () => ({ unitId: tree.vuHoi.id, name: ' \t ', effectiveDate: '2025-09-01' }), 'UNIT_INVALID_INPUT', 'name'],
    ['a NUL byte in a code', 'createUnit', () => ({ code: 'AB\u0000', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentId: tree.vuHoi.id, effectiveDate: '2025-09-01' }), 'INVALID_CODE', 'code'],
    ['a code with a space', 'createUnit', () => ({ code: 'AB CD', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentId: tree.vuHoi.id, effectiveDate: '2025-09-01' }), 'INVALID_CODE', 'code'],
    ['a date far in the future', 'renameUnit', () => ({ unitId: tree.vuHoi.id, name: 'Xã', effectiveDate: '9999-12-31' }), 'DATE_OUT_OF_RANGE', 'effectiveDate'],
    ['a bad id among merge sources', 'mergeUnits', () => ({ sourceIds: [tree.vuHoi.id, 'x'], targetId: tree.vuVinh.id, effectiveDate: '2025-09-01', reason: 'r' }), 'INVALID_ID', 'sourceIds[1]'],
    ['a bad code of a split part', 'splitUnit', () => ({ unitId: tree.vuHoi.id, into: [{ code: 'A', name: 'A' }, { code: 'B/2', name: 'B' }], effectiveDate: '2025-09-01', reason: 'r' }), 'INVALID_CODE', 'into[1].code'],
  ] as const)('refuses %s as BAD_USER_INPUT naming the field, writing nothing', async (_label, name, input, reason, field) => {
    const before = await tableCounts(harness.prisma);
    const response = await mutate(harness, name, input(), systemAdmin);
    expect(badInputOf(response)).toEqual({ code: 'BAD_USER_INPUT', reason, field });
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('refuses bad ids, codes, search texts and cursors in reads', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [`query($id: ID!) { unit(id: $id) { id } }`, { id: 'not-a-uuid' }, 'INVALID_ID', 'id'],
      [`query($code: String!) { unitByCode(code: $code) { id } }`, { code: 'X\u0000' }, 'INVALID_CODE', 'code'],
      [`query($text: String!) { searchUnits(text: $text) { id } }`, { text: 'vu\u0000hoi' }, 'INVALID_TEXT', 'text'],
      [`query($after: String) { units(after: $after) { totalCount } }`, { after: Buffer.from('A\u0000').toString('base64url') }, 'INVALID_CURSOR', 'after'],
      [`query($p: ID) { units(filter: { parentId: $p }) { totalCount } }`, { p: 'abc' }, 'INVALID_ID', 'filter.parentId'],
      [`{ units(filter: { asOf: "9999-12-31" }) { totalCount } }`, {}, 'DATE_OUT_OF_RANGE', 'asOf'],
    ];
    for (const [query, variables, reason, field] of cases) {
      expect(badInputOf(await harness.request(query, variables, officer(tree.vuThu.id)))).toEqual({ code: 'BAD_USER_INPUT', reason, field });
    }
  });

  it('refuses a page above the maximum instead of cutting it, and bounds the search text (defect 6)', async () => {
    const page = await harness.request(`{ units(first: 1001) { totalCount } }`, {}, systemAdmin);
    expect(badInputOf(page)).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE', field: 'first' });
    expect(page.errors?.[0]?.extensions?.max).toBe(1000);
    const descendants = await harness.request(`query($id: ID!) { unit(id: $id) { descendants(first: 5000) { totalCount } } }`, { id: tree.province.id }, systemAdmin);
    expect(badInputOf(descendants).reason).toBe('PAGE_SIZE_TOO_LARGE');
    const search = `query($text: String!) { searchUnits(text: $text) { id } }`;
    const long = await harness.request(search, { text: 'vu '.repeat(100) }, systemAdmin);
    expect(badInputOf(long)).toEqual({ code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LONG', field: 'text' });
    // A 1.5 MB text no longer reaches org-units through the gateway (body over its limit); called directly, org-units
    // still bounds it.
    const huge = { text: 'vu '.repeat(512_000) };
    expect((await harness.request(search, huge, systemAdmin)).errors?.[0]?.extensions?.code).toBe('BODY_TOO_LARGE');
    expect(badInputOf(await harness.requestSubgraph(search, huge, systemAdmin))).toEqual({ code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LONG', field: 'text' });
    const words = await harness.request(`query($text: String!) { searchUnits(text: $text) { id } }`, { text: 'a b c d e f g h i j k' }, systemAdmin);
    expect(badInputOf(words)).toEqual({ code: 'BAD_USER_INPUT', reason: 'SEARCH_TOO_MANY_WORDS', field: 'text' });
    const searchPage = await harness.request(`{ searchUnits(text: "vu", first: 101) { id } }`, {}, systemAdmin);
    expect(badInputOf(searchPage).reason).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('stores one canonical form: codes upper case and unique whatever the case, names NFC and trimmed', async () => {
    const created = await mutateOk(
      harness,
      'createUnit',
      { code: ' tb-vh.03 ', kind: 'RESIDENTIAL_AREA', name: '  Thôn  Ho\u0323\u0302i   Trung ', parentId: tree.vuHoi.id, effectiveDate: '2025-09-01' },
      systemAdmin,
    );
    expect(created.code).toBe('TB-VH.03');
    expect(created.name).toBe('Thôn Hội Trung');
    const again = await mutate(harness, 'createUnit', { code: 'TB-vh.03', kind: 'RESIDENTIAL_AREA', name: 'Thôn Khác', parentId: tree.vuHoi.id, effectiveDate: '2025-09-01' }, systemAdmin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
    const found = await queryOk<{ unitByCode: { id: string } }>(harness, `{ unitByCode(code: "tb-vh.03") { id } }`, {}, systemAdmin);
    expect(found.unitByCode.id).toBe(created.id);
  });
});
