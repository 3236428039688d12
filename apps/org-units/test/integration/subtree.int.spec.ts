import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rebuildUnitClosure } from '../../src/domain/unit/unit-closure.repository';
import { importUnits } from '../../src/import';
import { type OrgUnitsHarness, officer, startHarness, systemAdmin } from '../support/org-units-harness';
import { type UnitResult, mutateOk, queryOk } from '../support/operations';

const DESCENDANTS = `query($id: ID!, $asOf: Date, $kinds: [UnitKind!]) {
  unit(id: $id, asOf: $asOf) { descendants(asOf: $asOf, kinds: $kinds, first: 100) { totalCount edges { node { code } } } } }`;

/**
 * Subtree reads come from the dated closure table: every write path (create, move, correction, merge, split,
 * dissolution) must leave it equal to the tree, before and after each change's date.
 */
describe('org-units subtree reads through the dated closure', () => {
  let harness: OrgUnitsHarness;
  const units: Record<string, UnitResult> = {};

  beforeAll(async () => {
    harness = await startHarness('2025-09-01');
    const create = async (code: string, kind: string, parent: string | null) => {
      const input = { code, kind, name: `Đơn vị ${code}`, effectiveDate: '2024-01-01', ...(parent ? { parentId: units[parent]?.id } : {}) };
      units[code] = await mutateOk<UnitResult>(harness, 'createUnit', input, systemAdmin);
    };
    await create('PA', 'PROVINCE', null);
    await create('PB', 'PROVINCE', null);
    await create('DA', 'DISTRICT', 'PA');
    await create('DB', 'DISTRICT', 'PB');
    await create('CX', 'COMMUNE', 'DA');
    await create('CY', 'COMMUNE', 'DA');
    await create('RX', 'RESIDENTIAL_AREA', 'CX');
    await create('RY', 'RESIDENTIAL_AREA', 'CY');
    await create('SX', 'SCHOOL', 'CX');
  });
  afterAll(() => harness?.close());

  const id = (code: string) => units[code]?.id as string;

  /** Codes below `code` on `asOf`, after checking that totalCount agrees with the page. */
  const below = async (code: string, asOf: string, kinds?: string[]) => {
    const data = await queryOk<{ unit: { descendants: { totalCount: number; edges: { node: { code: string } }[] } } }>(
      harness,
      DESCENDANTS,
      { id: id(code), asOf, kinds },
      systemAdmin,
    );
    const codes = data.unit.descendants.edges.map((edge) => edge.node.code);
    expect(data.unit.descendants.totalCount).toBe(codes.length);
    return codes;
  };

  it('reads the created tree', async () => {
    expect(await below('PA', '2024-01-01')).toEqual(['CX', 'CY', 'DA', 'RX', 'RY', 'SX']);
    expect(await below('DA', '2024-06-01', ['RESIDENTIAL_AREA'])).toEqual(['RX', 'RY']);
    expect(await below('PB', '2024-06-01')).toEqual(['DB']);
  });

  it('moves a unit with its subtree from the move date on, old and new ancestors both right', async () => {
    await mutateOk(harness, 'moveUnit', { unitId: id('CX'), parentId: id('DB'), effectiveDate: '2025-03-01' }, systemAdmin);
    expect(await below('PA', '2025-02-28')).toEqual(['CX', 'CY', 'DA', 'RX', 'RY', 'SX']);
    expect(await below('DA', '2025-02-28')).toEqual(['CX', 'CY', 'RX', 'RY', 'SX']);
    expect(await below('PB', '2025-02-28')).toEqual(['DB']);
    expect(await below('PA', '2025-03-01')).toEqual(['CY', 'DA', 'RY']);
    expect(await below('DA', '2025-03-01')).toEqual(['CY', 'RY']);
    expect(await below('PB', '2025-03-01')).toEqual(['CX', 'DB', 'RX', 'SX']);
    expect(await below('DB', '2025-03-01', ['RESIDENTIAL_AREA'])).toEqual(['RX']);
  });

  it('follows a correction that moves the unit earlier, rewriting the later periods', async () => {
    await mutateOk(
      harness,
      'moveUnit',
      { unitId: id('CX'), parentId: id('DB'), effectiveDate: '2024-07-01', correction: { reason: 'Quyết định có hiệu lực từ 01/07/2024' } },
      systemAdmin,
    );
    expect(await below('PA', '2024-06-30')).toEqual(['CX', 'CY', 'DA', 'RX', 'RY', 'SX']);
    expect(await below('PA', '2024-07-01')).toEqual(['CY', 'DA', 'RY']);
    expect(await below('PB', '2024-06-30')).toEqual(['DB']);
    expect(await below('PB', '2024-07-01')).toEqual(['CX', 'DB', 'RX', 'SX']);
    expect(await below('PB', '2025-02-28')).toEqual(['CX', 'DB', 'RX', 'SX']);
  });

  it('moves the grandchildren when an ancestor moves, and ignores renames', async () => {
    await mutateOk(harness, 'moveUnit', { unitId: id('DB'), parentId: id('PA'), effectiveDate: '2025-05-01' }, systemAdmin);
    await mutateOk(harness, 'renameUnit', { unitId: id('DB'), name: 'Huyện mới', effectiveDate: '2025-05-15' }, systemAdmin);
    expect(await below('PB', '2025-04-30')).toEqual(['CX', 'DB', 'RX', 'SX']);
    expect(await below('PB', '2025-05-01')).toEqual([]);
    expect(await below('PA', '2025-04-30')).toEqual(['CY', 'DA', 'RY']);
    expect(await below('PA', '2025-05-20')).toEqual(['CX', 'CY', 'DA', 'DB', 'RX', 'RY', 'SX']);
  });

  it('moves the children of merged units under the target', async () => {
    await mutateOk(harness, 'mergeUnits', { sourceIds: [id('CY')], targetId: id('CX'), effectiveDate: '2025-07-01', reason: 'Sáp nhập' }, systemAdmin);
    expect(await below('DA', '2025-06-30')).toEqual(['CY', 'RY']);
    expect(await below('DA', '2025-07-01')).toEqual([]);
    expect(await below('DB', '2025-07-01')).toEqual(['CX', 'RX', 'RY', 'SX']);
    expect(await below('PA', '2025-07-01')).toEqual(['CX', 'DA', 'DB', 'RX', 'RY', 'SX']);
  });

  it('places the parts of a split and their assigned dependents', async () => {
    // After 2025-07-01 communes sit directly under the province.
    await mutateOk(
      harness,
      'splitUnit',
      {
        unitId: id('CX'),
        into: [
          { code: 'CX1', name: 'Xã Một', parentId: id('PA') },
          { code: 'CX2', name: 'Xã Hai', parentId: id('PA') },
        ],
        assignments: [
          { unitId: id('RX'), toCode: 'CX1' },
          { unitId: id('RY'), toCode: 'CX2' },
          { unitId: id('SX'), toCode: 'CX2' },
        ],
        effectiveDate: '2025-08-01',
        reason: 'Chia tách',
      },
      systemAdmin,
    );
    expect(await below('DB', '2025-07-31')).toEqual(['CX', 'RX', 'RY', 'SX']);
    expect(await below('DB', '2025-08-01')).toEqual([]);
    expect(await below('PA', '2025-08-01')).toEqual(['CX1', 'CX2', 'DA', 'DB', 'RX', 'RY', 'SX']);
  });

  it('drops dissolved units from the dissolution date, and scopes lists to the jurisdiction subtree', async () => {
    const parts = await queryOk<{ unitByCode: { id: string } }>(harness, `{ unitByCode(code: "CX2") { id } }`, {}, systemAdmin);
    const cx1 = await queryOk<{ unitByCode: { id: string } }>(harness, `{ unitByCode(code: "CX1") { id } }`, {}, systemAdmin);
    await mutateOk(harness, 'dissolveUnit', { unitId: parts.unitByCode.id, effectiveDate: '2025-08-20', reason: 'Giải thể', cascade: true }, systemAdmin);
    expect(await below('PA', '2025-08-19')).toEqual(['CX1', 'CX2', 'DA', 'DB', 'RX', 'RY', 'SX']);
    expect(await below('PA', '2025-08-20')).toEqual(['CX1', 'DA', 'DB', 'RX']);
    const listed = await queryOk<{ units: { totalCount: number; edges: { node: { code: string } }[] } }>(
      harness,
      `{ units(filter: { asOf: "2025-08-20" }) { totalCount edges { node { code } } } }`,
      {},
      officer(cx1.unitByCode.id),
    );
    expect(listed.units).toEqual({ totalCount: 2, edges: ['CX1', 'RX'].map((code) => ({ node: { code } })) });
  });

  it.each([
    ['one chunk', 'W', 5000],
    ['one unit per chunk', 'Z', 1],
  ])('places the units of a bulk import given children first, %s', async (_, suffix, chunkSize) => {
    const result = await importUnits(
      harness.prisma,
      [
        { code: `R${suffix}`, kind: 'RESIDENTIAL_AREA', name: 'Thôn Mới', parentCode: `C${suffix}` },
        { code: `C${suffix}`, kind: 'COMMUNE', name: 'Xã Mới', parentCode: `D${suffix}` },
        { code: `P${suffix}`, kind: 'PROVINCE', name: 'Tỉnh Mới' },
        { code: `D${suffix}`, kind: 'DISTRICT', name: 'Huyện Mới', parentCode: `P${suffix}` },
      ],
      { effectiveFrom: '2025-06-25', chunkSize },
    );
    expect(result).toMatchObject({ imported: 4, rejected: [] });
    const root = await queryOk<{ unitByCode: { id: string } }>(harness, `{ unitByCode(code: "P${suffix}") { id } }`, {}, systemAdmin);
    units[`P${suffix}`] = root.unitByCode as UnitResult;
    expect(await below(`P${suffix}`, '2025-06-25')).toEqual([`C${suffix}`, `D${suffix}`, `R${suffix}`]);
    expect(await below(`P${suffix}`, '2025-06-25', ['RESIDENTIAL_AREA'])).toEqual([`R${suffix}`]);
    units[`D${suffix}`] = (await queryOk<{ unitByCode: UnitResult }>(harness, `{ unitByCode(code: "D${suffix}") { id } }`, {}, systemAdmin)).unitByCode;
    expect(await below(`D${suffix}`, '2025-06-30')).toEqual([`C${suffix}`, `R${suffix}`]);
  });

  it('keeps concurrent moves and creations in one subtree consistent', async () => {
    for (let round = 1; round <= 3; round++) {
      const create = async (code: string, kind: string, parent: string | null, effectiveDate = '2024-01-01') => {
        units[code] = await mutateOk<UnitResult>(
          harness,
          'createUnit',
          { code, kind, name: `Đơn vị ${code}`, effectiveDate, ...(parent ? { parentId: id(parent) } : {}) },
          systemAdmin,
        );
      };
      const k = (name: string) => `K${round}-${name}`;
      await create(k('P1'), 'PROVINCE', null);
      await create(k('P2'), 'PROVINCE', null);
      await create(k('D1'), 'DISTRICT', k('P1'));
      await create(k('D2'), 'DISTRICT', k('P2'));
      await create(k('C'), 'COMMUNE', k('D1'));
      await Promise.all([
        mutateOk(harness, 'moveUnit', { unitId: id(k('D1')), parentId: id(k('P2')), effectiveDate: '2025-01-01' }, systemAdmin),
        mutateOk(harness, 'moveUnit', { unitId: id(k('C')), parentId: id(k('D2')), effectiveDate: '2025-02-01' }, systemAdmin),
        create(k('R'), 'RESIDENTIAL_AREA', k('C'), '2024-06-01'),
      ]);
      expect(await below(k('P1'), '2024-12-31')).toEqual([k('C'), k('D1'), k('R')]);
      expect(await below(k('P2'), '2025-01-01')).toEqual([k('C'), k('D1'), k('D2'), k('R')]);
      expect(await below(k('D1'), '2025-01-31')).toEqual([k('C'), k('R')]);
      expect(await below(k('D2'), '2025-02-01')).toEqual([k('C'), k('R')]);
    }
  });

  it('leaves the closure equal to a full rebuild from the versions after all these writes', async () => {
    const snapshot = () =>
      harness.prisma.$queryRaw<unknown[]>`
        SELECT descendant_id::text, ancestor_id::text, valid_from::text, valid_to::text, code, kind::text
        FROM unit_closure ORDER BY descendant_id, ancestor_id, valid_from`;
    const incremental = await snapshot();
    const all = await harness.prisma.unit.findMany({ select: { id: true } });
    await harness.prisma.$transaction((tx) => rebuildUnitClosure(tx, all.map((unit) => unit.id), false));
    expect(incremental.length).toBeGreaterThan(all.length);
    expect(await snapshot()).toEqual(incremental);
  });

  it('derives the same rows in the migration that took the depth out of the table', async () => {
    const before = await harness.prisma.$queryRaw<unknown[]>`SELECT * FROM unit_closure ORDER BY descendant_id, ancestor_id, valid_from`;
    const migration = readFileSync(path.join(__dirname, '../../prisma/migrations/20261201194514_closure_without_depth/migration.sql'), 'utf8');
    const backfill = migration.slice(migration.indexOf('INSERT INTO "unit_closure"'), migration.indexOf('-- CreateIndex'));
    await harness.prisma.$transaction([harness.prisma.$executeRawUnsafe('DELETE FROM unit_closure'), harness.prisma.$executeRawUnsafe(backfill)]);
    expect(await harness.prisma.$queryRaw<unknown[]>`SELECT * FROM unit_closure ORDER BY descendant_id, ancestor_id, valid_from`).toEqual(before);
  });
});
