import { importUnits, type ImportRow } from '../../src/import';
import { type OrgUnitsHarness, startHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { mutateOk, queryOk } from '../support/operations';

describe('bulk import', () => {
  let harness: OrgUnitsHarness;
  let provinceCode: string;

  beforeAll(async () => {
    harness = await startHarness('2025-09-01');
    const province = await mutateOk(harness, 'createUnit', { code: '34', kind: 'PROVINCE', name: 'Tỉnh Thái Bình', effectiveDate: '2020-01-01' }, systemAdmin);
    provinceCode = province.code;
  });
  afterAll(() => harness?.close());

  const rows: ImportRow[] = [
    { code: 'RA-1', kind: 'RESIDENTIAL_AREA', name: 'Thôn Đông', parentCode: 'C-1', residentHouseholds: '120' },
    { code: 'C-1', kind: 'COMMUNE', name: 'Xã Vũ Hội', parentCode: 'D-1' },
    { code: 'D-1', kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentCode: '34' },
    { code: 'E-1', kind: 'ENTERPRISE', name: 'Công ty May', parentCode: 'C-1', enterpriseSize: 'medium', staffCount: '240' },
    { code: 'BAD-KIND', kind: 'VILLAGE', name: 'Làng', parentCode: 'C-1' },
    { code: 'RA-UNDER-DISTRICT', kind: 'RESIDENTIAL_AREA', name: 'Tổ dân phố 1', parentCode: 'D-1' },
    { code: 'ORPHAN', kind: 'COMMUNE', name: 'Xã Mồ Côi', parentCode: 'NOWHERE' },
    { code: 'C-1', kind: 'COMMUNE', name: 'Trùng mã', parentCode: 'D-1' },
    { code: 'LOOP-A', kind: 'COMMUNE', name: 'Vòng A', parentCode: 'LOOP-B' },
    { code: 'LOOP-B', kind: 'COMMUNE', name: 'Vòng B', parentCode: 'LOOP-A' },
    { code: 'UNDER-ORPHAN', kind: 'RESIDENTIAL_AREA', name: 'Thôn con', parentCode: 'ORPHAN' },
    { code: '34', kind: 'PROVINCE', name: 'Tỉnh trùng' },
    { code: 'S-1', kind: 'SCHOOL', name: 'Trường Tiểu học Vũ Hội', parentCode: 'C-1', schoolLevel: 'PRIMARY', effectiveFrom: '2024-09-05' },
  ];

  it('a dry run reports without writing', async () => {
    const before = await tableCounts(harness.prisma);
    const result = await importUnits(harness.prisma, rows, { effectiveFrom: '2024-01-01', dryRun: true });
    expect(result.imported).toBe(5);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('imports rows in any order under parents in the file or the database, and reports every rejected row', async () => {
    const before = await tableCounts(harness.prisma);
    const progress: number[] = [];
    const result = await importUnits(harness.prisma, rows, { effectiveFrom: '2024-01-01', chunkSize: 2, onProgress: (done) => progress.push(done) });
    expect(result.imported).toBe(5);
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(result.rejected.map((r) => [r.row, r.code, r.reason])).toEqual([
      [5, 'BAD-KIND', 'UNIT_INVALID_INPUT'],
      [6, 'RA-UNDER-DISTRICT', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
      [7, 'ORPHAN', 'UNIT_NOT_FOUND'],
      [8, 'C-1', 'DUPLICATE_CODE'],
      [9, 'LOOP-A', 'UNIT_CYCLE'],
      [10, 'LOOP-B', 'UNIT_CYCLE'],
      [11, 'UNDER-ORPHAN', 'PARENT_REJECTED'],
      [12, '34', 'UNIT_CODE_TAKEN'],
    ]);
    const after = await tableCounts(harness.prisma);
    expect(after.units - before.units).toBe(5);
    expect(after.versions - before.versions).toBe(5);
    expect(after.changes - before.changes).toBe(5);
    expect(after.outbox - before.outbox).toBe(5);
    const events = await harness.prisma.outboxEvent.findMany({ orderBy: { seq: 'asc' }, skip: before.outbox });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['org-units.unit.created.v1']));
  });

  it('makes imported units readable as of their dates, with managing units defaulted and search folded', async () => {
    const data = await queryOk<{ unitByCode: { name: string; parent: { code: string }; managingUnit: { code: string }; attributes: { enterpriseSize: string } } ; school: { createdOn: string; safeStandardScope: { applies: boolean } }; searchUnits: { code: string }[] }>(
      harness,
      `{ unitByCode(code: "E-1", asOf: "2024-06-01") { name parent { code } managingUnit { code } attributes { enterpriseSize } }
         school: unitByCode(code: "S-1") { createdOn safeStandardScope { applies } }
         searchUnits(text: "thon dong") { code } }`,
      {},
      systemAdmin,
    );
    expect(data.unitByCode).toEqual({ name: 'Công ty May', parent: { code: 'C-1' }, managingUnit: { code: 'C-1' }, attributes: { enterpriseSize: 'MEDIUM' } });
    expect(data.school).toEqual({ createdOn: '2024-09-05', safeStandardScope: { applies: false } });
    expect(data.searchUnits).toEqual([{ code: 'RA-1' }]);
    expect(provinceCode).toBe('34');
  });
});
