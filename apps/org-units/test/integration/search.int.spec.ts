import { type OrgUnitsHarness, officer, startHarness, systemAdmin } from '../support/org-units-harness';
import { type UnitResult, mutateOk, queryOk } from '../support/operations';

const SEARCH = `query($text: String!, $kinds: [UnitKind!], $asOf: Date) { searchUnits(text: $text, kinds: $kinds, asOf: $asOf) { name } }`;

describe('org-units search: words at word starts, in order, ranked', () => {
  let harness: OrgUnitsHarness;
  let hungHa: UnitResult;

  beforeAll(async () => {
    harness = await startHarness('2025-09-01');
    const create = (input: Record<string, unknown>) =>
      mutateOk<UnitResult>(harness, 'createUnit', { effectiveDate: '2024-01-01', ...input }, systemAdmin);
    const hungYen = await create({ code: 'HY', kind: 'PROVINCE', name: 'Tỉnh Hưng Yên' });
    const city = await create({ code: 'HY-01', kind: 'DISTRICT', name: 'Thành phố Hưng Yên', parentId: hungYen.id });
    const commune = await create({ code: 'HY-01-01', kind: 'COMMUNE', name: 'Xã Hưng Yên', parentId: city.id });
    await create({ code: 'HY-01-01-01', kind: 'RESIDENTIAL_AREA', name: 'Thôn Yên Hưng', parentId: commune.id });
    const thaiBinh = await create({ code: 'TB', kind: 'PROVINCE', name: 'Tỉnh Thái Bình' });
    hungHa = await create({ code: 'TB-01', kind: 'DISTRICT', name: 'Huyện Hưng Hà', parentId: thaiBinh.id });
    await create({ code: 'TB-01-01', kind: 'COMMUNE', name: 'Hưng Yên Bắc', parentId: hungHa.id });
    await create({ code: 'TB-01-02', kind: 'COMMUNE', name: 'Hưng Yên', parentId: hungHa.id });
    await create({ code: 'TB-01-03', kind: 'COMMUNE', name: 'Xã 100% Hưng_Hà', parentId: hungHa.id });
  });
  afterAll(() => harness?.close());

  const search = async (text: string, extra: Record<string, unknown> = {}) => {
    const data = await queryOk<{ searchUnits: { name: string }[] }>(harness, SEARCH, { text, ...extra }, systemAdmin);
    return data.searchUnits.map((unit) => unit.name);
  };

  it('matches words at word starts only, so "hung yen" does not find "Huyện Hưng Hà" through "huyện"', async () => {
    const names = await search('hung yen');
    expect(names).not.toContain('Huyện Hưng Hà');
    expect(await search('yen')).not.toContain('Huyện Hưng Hà');
    expect(await search('uyen')).toEqual([]);
  });

  it('matches the words in order: "hung yen" does not find "Thôn Yên Hưng", "yen hung" does', async () => {
    expect(await search('hung yen')).not.toContain('Thôn Yên Hưng');
    expect(await search('yen hung')).toEqual(['Thôn Yên Hưng']);
  });

  it('ranks the exact name first, then names starting with the text, then province above district above commune', async () => {
    expect(await search('Hưng Yên')).toEqual(['Hưng Yên', 'Hưng Yên Bắc', 'Tỉnh Hưng Yên', 'Thành phố Hưng Yên', 'Xã Hưng Yên']);
    expect(await search('hung')).toEqual([
      'Hưng Yên',
      'Hưng Yên Bắc',
      'Tỉnh Hưng Yên',
      'Huyện Hưng Hà',
      'Thành phố Hưng Yên',
      'Xã Hưng Yên',
      'Xã 100% Hưng_Hà',
      'Thôn Yên Hưng',
    ]);
  });

  it('matches word prefixes, ignoring case and diacritics, and filters by kind', async () => {
    expect(await search('TỈNH HƯ')).toEqual(['Tỉnh Hưng Yên']);
    expect(await search('hung y', { kinds: ['DISTRICT', 'PROVINCE'] })).toEqual(['Tỉnh Hưng Yên', 'Thành phố Hưng Yên']);
  });

  it('takes LIKE wildcards in the text literally', async () => {
    expect(await search('100%')).toEqual(['Xã 100% Hưng_Hà']);
    expect(await search('hung_ha')).toEqual(['Xã 100% Hưng_Hà']);
    expect(await search('%')).toEqual([]);
    expect(await search('h_ng')).toEqual([]);
  });

  it('answers as of a date and within the jurisdiction', async () => {
    expect(await search('hung yen', { asOf: '2023-12-31' })).toEqual([]);
    const data = await queryOk<{ searchUnits: { name: string }[] }>(harness, SEARCH, { text: 'hung yen' }, officer(hungHa.id));
    expect(data.searchUnits.map((unit) => unit.name)).toEqual(['Hưng Yên', 'Hưng Yên Bắc']);
  });

  it('answers each connection field alone or together with the same values', async () => {
    const query = (fields: string) => `query($id: ID!) { unit(id: $id) { descendants(first: 2) { ${fields} } } }`;
    type Page = { unit: { descendants: Record<string, unknown> } };
    const read = async (fields: string) => (await queryOk<Page>(harness, query(fields), { id: hungHa.id }, systemAdmin)).unit.descendants;
    const all = await read('totalCount pageInfo { hasNextPage endCursor } edges { node { code } }');
    expect(all).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, edges: [{ node: { code: 'TB-01-01' } }, { node: { code: 'TB-01-02' } }] });
    expect(await read('totalCount')).toEqual({ totalCount: 3 });
    expect(await read('edges { node { code } }')).toEqual({ edges: all.edges });
    expect(await read('pageInfo { hasNextPage endCursor }')).toEqual({ pageInfo: all.pageInfo });
  });
});
