import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importUnits, type ImportRow } from '../../src/import';
import { MAX_COUNT } from '../../src/import/check-row';
import { type OrgUnitsHarness, PROJECT_ROOT, startHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { type UnitResult, errorOf, mutate, mutateOk, queryOk } from '../support/operations';

const REPO_ROOT = path.resolve(PROJECT_ROOT, '../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(PROJECT_ROOT, 'src/import/cli.ts');

describe('bulk import', () => {
  let harness: OrgUnitsHarness;
  let province: UnitResult;
  let district: UnitResult;
  let workDir: string;
  let seq = 0;

  beforeAll(async () => {
    harness = await startHarness('2025-09-01');
    workDir = await mkdtemp(path.join(tmpdir(), 'org-units-import-'));
    const create = (input: Record<string, unknown>) => mutateOk<UnitResult>(harness, 'createUnit', { effectiveDate: '2020-01-01', ...input }, systemAdmin);
    province = await create({ code: '34', kind: 'PROVINCE', name: 'Tỉnh Thái Bình' });
    district = await create({ code: 'TB-VT', kind: 'DISTRICT', name: 'Huyện Vũ Thư', parentId: province.id });
    await create({ code: 'TB-VT-VH', kind: 'COMMUNE', name: 'Xã Vũ Hội', parentId: district.id });
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
    await harness?.close();
  });

  /** A commune stored through the API, with nothing under it yet. */
  const storedCommune = () =>
    mutateOk<UnitResult>(harness, 'createUnit', { code: `STORED-${++seq}`, kind: 'COMMUNE', name: `Xã ${seq}`, parentId: district.id, effectiveDate: '2020-01-01' }, systemAdmin);
  const brief = (rejected: { row: number; code: string | null; column: string | null; reason: string }[]) =>
    rejected.map((r) => [r.row, r.code, r.column, r.reason]);
  const runCli = async (file: string, args: string[] = []) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [TSX, '--tsconfig', path.join(REPO_ROOT, 'tsconfig.base.json'), CLI, file, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: harness.database.url },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  };

  const mixed: ImportRow[] = [
    { code: 'RA-1', kind: 'RESIDENTIAL_AREA', name: 'Thôn Đông', parentCode: 'C-1', residentHouseholds: '120' },
    { code: 'C-1', kind: 'COMMUNE', name: 'Xã Vũ Tiến', parentCode: 'D-1' },
    { code: 'D-1', kind: 'DISTRICT', name: 'Huyện Kiến Xương', parentCode: '34' },
    { code: 'E-1', kind: 'ENTERPRISE', name: 'Công ty May', parentCode: 'C-1', enterpriseSize: 'medium', staffCount: '240' },
    { code: 'BAD-KIND', kind: 'VILLAGE', name: 'Làng', parentCode: 'C-1' },
    { code: 'RA-UNDER-DISTRICT', kind: 'RESIDENTIAL_AREA', name: 'Tổ dân phố 1', parentCode: 'D-1' },
    { code: 'ORPHAN', kind: 'COMMUNE', name: 'Xã Mồ Côi', parentCode: 'NOWHERE' },
    { code: 'C-1', kind: 'COMMUNE', name: 'Trùng mã', parentCode: 'D-1' },
    { code: 'LOOP-A', kind: 'COMMUNE', name: 'Vòng A', parentCode: 'LOOP-B' },
    { code: 'LOOP-B', kind: 'COMMUNE', name: 'Vòng B', parentCode: 'LOOP-A' },
    { code: 'UNDER-ORPHAN', kind: 'RESIDENTIAL_AREA', name: 'Thôn con', parentCode: 'ORPHAN' },
    { code: '34', kind: 'PROVINCE', name: 'Tỉnh trùng' },
    { code: 'S-1', kind: 'SCHOOL', name: 'Trường Tiểu học Vũ Tiến', parentCode: 'C-1', schoolLevel: 'PRIMARY', effectiveFrom: '2024-09-05' },
  ];
  const mixedRejected = [
    [5, 'BAD-KIND', 'kind', 'UNIT_INVALID_INPUT'],
    [6, 'RA-UNDER-DISTRICT', 'parentCode', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
    [7, 'ORPHAN', 'parentCode', 'UNIT_NOT_FOUND'],
    [8, 'C-1', 'code', 'DUPLICATE_CODE'],
    [9, 'LOOP-A', 'parentCode', 'UNIT_CYCLE'],
    [10, 'LOOP-B', 'parentCode', 'UNIT_CYCLE'],
    [11, 'UNDER-ORPHAN', 'parentCode', 'PARENT_REJECTED'],
    [12, '34', 'code', 'UNIT_CODE_TAKEN'],
  ];

  it('a dry run reports without writing', async () => {
    const before = await tableCounts(harness.prisma);
    const result = await importUnits(harness.prisma, mixed, { effectiveFrom: '2024-01-01', dryRun: true });
    expect([result.outcome, result.valid, result.imported]).toEqual(['dry-run', 5, 0]);
    expect(brief(result.rejected)).toEqual(mixedRejected);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('refuses the whole file by default when any row is rejected, and reports every rejected row', async () => {
    const before = await tableCounts(harness.prisma);
    const result = await importUnits(harness.prisma, mixed, { effectiveFrom: '2024-01-01' });
    expect([result.outcome, result.valid, result.imported, result.failure]).toEqual(['refused', 5, 0, null]);
    expect(brief(result.rejected)).toEqual(mixedRejected);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('with partial, imports the valid rows in any order under parents in the file or the database', async () => {
    const before = await tableCounts(harness.prisma);
    const progress: number[] = [];
    const result = await importUnits(harness.prisma, mixed, { effectiveFrom: '2024-01-01', partial: true, chunkSize: 2, onProgress: (done) => progress.push(done) });
    expect([result.outcome, result.imported]).toEqual(['imported', 5]);
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(brief(result.rejected)).toEqual(mixedRejected);
    const after = await tableCounts(harness.prisma);
    expect(after.units - before.units).toBe(5);
    expect(after.versions - before.versions).toBe(5);
    expect(after.changes - before.changes).toBe(5);
    expect(after.outbox - before.outbox).toBe(5);
    const events = await harness.prisma.outboxEvent.findMany({ orderBy: { seq: 'asc' }, skip: before.outbox });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['org-units.unit.created.v1']));

    const data = await queryOk<{ unitByCode: unknown; school: unknown; searchUnits: unknown }>(
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
  });

  it('adds villages, schools and enterprises under units already in the database, codes in any case', async () => {
    const result = await importUnits(harness.prisma, [
      { code: 'tb-vt-vh-01', kind: 'RESIDENTIAL_AREA', name: 'Thôn Hội Thượng', parentCode: 'tb-vt-vh', effectiveFrom: '2024-01-01' },
      { code: 'TB-VT-VH-THCS', kind: 'SCHOOL', name: 'Trường THCS Vũ Hội', parentCode: 'TB-VT-VH', managingUnitCode: 'tb-vt', schoolLevel: 'LOWER_SECONDARY', effectiveFrom: '2024-01-01' },
      { code: 'TB-VT-MAY', kind: 'ENTERPRISE', name: 'Công ty May Vũ Thư', parentCode: 'TB-VT', effectiveFrom: '2024-01-01', staffCount: 85 },
    ]);
    expect([result.outcome, result.imported, result.rejected]).toEqual(['imported', 3, []]);
    const data = await queryOk<{ village: unknown; school: unknown; enterprise: unknown }>(
      harness,
      `{ village: unitByCode(code: "TB-VT-VH-01", asOf: "2024-06-01") { parent { code } }
         school: unitByCode(code: "TB-VT-VH-THCS", asOf: "2024-06-01") { parent { code } managingUnit { code } }
         enterprise: unitByCode(code: "TB-VT-MAY", asOf: "2024-06-01") { parent { code } managingUnit { code } attributes { staffCount } } }`,
      {},
      systemAdmin,
    );
    expect(data).toEqual({
      village: { parent: { code: 'TB-VT-VH' } },
      school: { parent: { code: 'TB-VT-VH' }, managingUnit: { code: 'TB-VT' } },
      enterprise: { parent: { code: 'TB-VT' }, managingUnit: { code: 'TB-VT' }, attributes: { staffCount: 85 } },
    });
  });

  it('checks stored parents and managing units with the kind rules, live on the row date', async () => {
    const dissolvedCommune = await storedCommune();
    await mutateOk(harness, 'dissolveUnit', { unitId: dissolvedCommune.id, effectiveDate: '2024-03-01', reason: 'Sáp nhập' }, systemAdmin);
    const before = await tableCounts(harness.prisma);
    const result = await importUnits(harness.prisma, [
      { code: 'LATE-VILLAGE', kind: 'RESIDENTIAL_AREA', name: 'Thôn Muộn', parentCode: dissolvedCommune.code.toLowerCase(), effectiveFrom: '2024-06-01' },
      { code: 'VILLAGE-UNDER-DISTRICT', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'TB-VT', effectiveFrom: '2024-06-01' },
      { code: 'SCHOOL-MANAGED-BY-VILLAGE', kind: 'SCHOOL', name: 'Trường', parentCode: 'TB-VT', managingUnitCode: 'TB-VT-VH-01', effectiveFrom: '2024-06-01' },
      { code: 'TOO-EARLY', kind: 'RESIDENTIAL_AREA', name: 'Thôn Sớm', parentCode: 'TB-VT-VH', effectiveFrom: '2019-01-01' },
      { code: 'tb-vt', kind: 'DISTRICT', name: 'Trùng mã', parentCode: '34', effectiveFrom: '2024-06-01' },
      { code: 'NO-DATE', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'TB-VT-VH' },
    ], { partial: true });
    expect(brief(result.rejected)).toEqual([
      [1, 'LATE-VILLAGE', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
      [2, 'VILLAGE-UNDER-DISTRICT', 'parentCode', 'UNIT_PARENT_KIND_NOT_ALLOWED'],
      [3, 'SCHOOL-MANAGED-BY-VILLAGE', 'managingUnitCode', 'UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED'],
      [4, 'TOO-EARLY', 'parentCode', 'UNIT_PARENT_NOT_LIVE'],
      [5, 'TB-VT', 'code', 'UNIT_CODE_TAKEN'],
      [6, 'NO-DATE', 'effectiveFrom', 'UNIT_INVALID_DATE'],
    ]);
    expect(result.rejected[0]?.message).toBe(`parent ${dissolvedCommune.code} was dissolved on 2024-03-01, so it is not live on 2024-06-01`);
    expect(result.rejected[3]?.message).toBe('parent TB-VT-VH exists only from 2020-01-01, after 2019-01-01');
    expect(result.rejected[5]?.message).toBe('effectiveFrom is missing (and no default date was given)');
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('a 5,001-row file with one overflowing count commits nothing and names the row; --partial commits the 5,000 others', async () => {
    const parent = await storedCommune();
    const rows: ImportRow[] = Array.from({ length: 5001 }, (_, i) => ({
      code: `${parent.code}-${i + 1}`,
      kind: 'RESIDENTIAL_AREA',
      name: `Tổ ${i + 1}`,
      parentCode: parent.code,
      effectiveFrom: '2024-01-01',
      residentHouseholds: i === 5000 ? String(MAX_COUNT + 1) : String(100 + i),
    }));
    const before = await tableCounts(harness.prisma);
    const refused = await importUnits(harness.prisma, rows);
    expect([refused.outcome, refused.imported, refused.failure]).toEqual(['refused', 0, null]);
    expect(refused.rejected).toEqual([
      {
        row: 5001,
        code: `${parent.code}-5001`,
        column: 'residentHouseholds',
        reason: 'UNIT_INVALID_INPUT',
        message: `residentHouseholds must be at most ${MAX_COUNT} (got ${MAX_COUNT + 1})`,
      },
    ]);
    expect(await tableCounts(harness.prisma)).toEqual(before);

    const partial = await importUnits(harness.prisma, rows, { partial: true });
    expect([partial.outcome, partial.imported, brief(partial.rejected)]).toEqual(['imported', 5000, [[5001, `${parent.code}-5001`, 'residentHouseholds', 'UNIT_INVALID_INPUT']]]);
    expect((await tableCounts(harness.prisma)).units - before.units).toBe(5000);
  });

  it('rejects JSON values of the wrong type naming the column, never storing "[object Object]"', async () => {
    const before = await tableCounts(harness.prisma);
    const result = await importUnits(harness.prisma, [
      { code: 'OBJ-NAME', kind: 'RESIDENTIAL_AREA', name: { vi: 'Thôn' }, parentCode: 'TB-VT-VH', effectiveFrom: '2024-01-01' },
      { code: 'OBJ-PARENT', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: ['TB-VT-VH'], effectiveFrom: '2024-01-01' },
      { code: 'NUM-DATE', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'TB-VT-VH', effectiveFrom: 20240101 },
      { code: 'TEXT-COUNT', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'TB-VT-VH', effectiveFrom: '2024-01-01', residentHouseholds: { n: 1 } },
      { code: 'FAR-FUTURE', kind: 'RESIDENTIAL_AREA', name: 'Thôn', parentCode: 'TB-VT-VH', effectiveFrom: '9999-12-31' },
    ], { partial: true });
    expect(brief(result.rejected)).toEqual([
      [1, 'OBJ-NAME', 'name', 'UNIT_INVALID_INPUT'],
      [2, 'OBJ-PARENT', 'parentCode', 'UNIT_INVALID_INPUT'],
      [3, 'NUM-DATE', 'effectiveFrom', 'UNIT_INVALID_DATE'],
      [4, 'TEXT-COUNT', 'residentHouseholds', 'UNIT_INVALID_INPUT'],
      [5, 'FAR-FUTURE', 'effectiveFrom', 'UNIT_INVALID_DATE'],
    ]);
    expect(result.rejected[4]?.message).toBe('effectiveFrom: must lie between 1900-01-01 and 2100-12-31');
    expect(await tableCounts(harness.prisma)).toEqual(before);
    expect(await harness.prisma.unitVersion.count({ where: { name: { contains: 'object Object' } } })).toBe(0);
  });

  it('rolls everything back when the database fails during the write, and the CLI still writes the report with the cause', async () => {
    const parent = await storedCommune();
    const rows: ImportRow[] = ['A', 'B', 'C', 'D', 'BOOM'].map((suffix) => ({
      code: `${parent.code}-${suffix}`,
      kind: 'RESIDENTIAL_AREA',
      name: `Thôn ${suffix}`,
      parentCode: parent.code,
      effectiveFrom: '2024-01-01',
    }));
    // A real constraint the planner does not know about makes PostgreSQL refuse the last chunk's insert.
    await harness.prisma.$executeRawUnsafe(`ALTER TABLE unit ADD CONSTRAINT import_test_no_boom CHECK (code NOT LIKE '%-BOOM')`);
    try {
      const before = await tableCounts(harness.prisma);
      const result = await importUnits(harness.prisma, rows, { chunkSize: 2 });
      expect([result.outcome, result.imported, result.rejected]).toEqual(['failed', 0, []]);
      expect(result.failure?.reason).toBe('IMPORT_WRITE_FAILED');
      expect(result.failure?.message).toContain('import_test_no_boom');
      expect(await tableCounts(harness.prisma)).toEqual(before);

      const file = path.join(workDir, 'boom.json');
      await writeFile(file, JSON.stringify(rows));
      const run = await runCli(file, ['--report', path.join(workDir, 'boom-report.csv')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('nothing imported: the write failed and was rolled back');
      const report = (await readFile(path.join(workDir, 'boom-report.csv'), 'utf8')).trim().split('\n');
      expect(report[0]).toBe('row,code,column,reason,message');
      expect(report).toHaveLength(2);
      expect(report[1]).toMatch(/^,,,IMPORT_WRITE_FAILED,.*import_test_no_boom/);
      expect(await tableCounts(harness.prisma)).toEqual(before);
    } finally {
      await harness.prisma.$executeRawUnsafe('ALTER TABLE unit DROP CONSTRAINT import_test_no_boom');
    }
  });

  it('the CLI names each rejected row in its summary and its report, and imports nothing by default', async () => {
    const file = path.join(workDir, 'rows.csv');
    await writeFile(
      file,
      [
        'code,kind,name,parentCode,managingUnitCode,effectiveFrom,enterpriseSize,schoolLevel,armedForces,residentHouseholds,staffCount',
        'cli-1,RESIDENTIAL_AREA,Thôn Một,tb-vt-vh,,2024-01-01,,,,12,',
        'CLI-2,RESIDENTIAL_AREA,"Thôn, Hai",TB-VT-VH,,,,,,,',
        'CLI-3,RESIDENTIAL_AREA,Thôn Ba,TB-VT-VH,,2024-01-01,,,,99999999999,',
      ].join('\n'),
    );
    const before = await tableCounts(harness.prisma);
    const run = await runCli(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('nothing imported: 2 rows rejected');
    expect(run.stdout).toContain('row 2 CLI-2 [effectiveFrom]: UNIT_INVALID_DATE: effectiveFrom is missing');
    expect(run.stdout).toContain('row 3 CLI-3 [residentHouseholds]: UNIT_INVALID_INPUT');
    expect(await readFile(`${file}.rejected.csv`, 'utf8')).toBe(
      [
        'row,code,column,reason,message',
        '2,CLI-2,effectiveFrom,UNIT_INVALID_DATE,effectiveFrom is missing (and no default date was given)',
        `3,CLI-3,residentHouseholds,UNIT_INVALID_INPUT,residentHouseholds must be at most ${MAX_COUNT} (got 99999999999)`,
        '',
      ].join('\n'),
    );
    expect(await tableCounts(harness.prisma)).toEqual(before);

    const partial = await runCli(file, ['--partial', '--effective-from', '2024-02-01']);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/imported 2 units in [\d.]+ s \(\d+ units\/s\); 1 rejected/);
    expect((await tableCounts(harness.prisma)).units - before.units).toBe(2);
  });

  it('locks stored parents: a dissolve arriving during the import waits, then sees the new children', async () => {
    const parent = await storedCommune();
    let dissolving: ReturnType<typeof mutate> | undefined;
    const result = await importUnits(
      harness.prisma,
      [{ code: `${parent.code}-01`, kind: 'RESIDENTIAL_AREA', name: 'Thôn Mới', parentCode: parent.code, effectiveFrom: '2024-06-01' }],
      {
        onProgress: async (done) => {
          if (done !== 0) return;
          dissolving = mutate(harness, 'dissolveUnit', { unitId: parent.id, effectiveDate: '2025-01-01', reason: 'Sáp nhập' }, systemAdmin);
          await waitForLockWaiter();
        },
      },
    );
    expect([result.outcome, result.imported]).toEqual(['imported', 1]);
    const dissolved = await (dissolving as ReturnType<typeof mutate>);
    expect(errorOf(dissolved)).toEqual({ code: 'CONFLICT', reason: 'UNIT_HAS_LIVE_CHILDREN' });
    expect((await harness.prisma.unit.findUniqueOrThrow({ where: { id: parent.id } })).dissolvedOn).toBeNull();
  });

  it('a parent dissolved before the import commits is reported dissolved on the row date', async () => {
    const parent = await storedCommune();
    await mutateOk(harness, 'dissolveUnit', { unitId: parent.id, effectiveDate: '2025-01-01', reason: 'Sáp nhập' }, systemAdmin);
    const result = await importUnits(harness.prisma, [
      { code: `${parent.code}-01`, kind: 'RESIDENTIAL_AREA', name: 'Thôn Mới', parentCode: parent.code, effectiveFrom: '2024-06-01' },
    ]);
    expect(result.outcome).toBe('refused');
    expect(result.rejected).toEqual([
      {
        row: 1,
        code: `${parent.code}-01`,
        column: 'parentCode',
        reason: 'UNIT_PARENT_NOT_LIVE',
        message: `parent ${parent.code} is dissolved on 2025-01-01, so a unit created on 2024-06-01 would outlive it`,
      },
    ]);
  });

  /** Until another session of this database waits on a row lock (the dissolve behind the import's FOR SHARE). */
  async function waitForLockWaiter(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const [row] = await harness.prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if ((row?.waiting ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the dissolve never waited on the import’s lock');
  }
});
