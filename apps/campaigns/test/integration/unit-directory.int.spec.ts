import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createMigratedTestDatabase, type TestDatabase } from '@antt/testing';
import { projectUnitState, projectUnitStates, safeStandardScope, UnitDirectory, type UnitState } from '@antt/unit-directory';
import { createPrismaClient, type CampaignsPrisma } from '../../src/infrastructure/prisma-client';

/** The unit directory on the campaigns database, through its own Prisma client and migrations. */
describe('campaigns unit directory (projection and queries)', () => {
  let database: TestDatabase;
  let prisma: CampaignsPrisma;
  let directory: UnitDirectory;
  const ids = { province: randomUUID(), district: randomUUID(), commune: randomUUID(), village: randomUUID() };

  const state = (unitId: string, kind: string, code: string, revision: number, timeline: UnitState['timeline'], dissolvedOn: string | null = null): UnitState => ({
    unitId,
    kind,
    code,
    revision,
    dissolvedOn,
    timeline,
  });
  const period = (validFrom: string, validTo: string | null, name: string, parentId: string | null) => ({ validFrom, validTo, name, parentId, managingUnitId: null });

  beforeAll(async () => {
    database = await createMigratedTestDatabase('cp_dir_', path.resolve(__dirname, '../..'));
    prisma = createPrismaClient(database.url, 2);
    directory = new UnitDirectory(prisma);
    await prisma.$transaction(async (tx) => {
      await projectUnitState(tx, state(ids.province, 'PROVINCE', 'TB', 1, [period('2020-01-01', null, 'Tỉnh Thái Bình', null)]));
      await projectUnitState(tx, state(ids.district, 'DISTRICT', 'TB-VT', 2, [period('2020-01-01', '2025-07-01', 'Huyện Vũ Thư', ids.province)], '2025-07-01'));
      await projectUnitState(
        tx,
        state(ids.commune, 'COMMUNE', 'TB-VT-VUHOI', 2, [
          period('2020-01-01', '2025-07-01', 'Xã Vũ Hội', ids.district),
          period('2025-07-01', null, 'Xã Vũ Hội', ids.province),
        ]),
      );
      await projectUnitState(tx, state(ids.village, 'RESIDENTIAL_AREA', 'TB-VT-VUHOI-T01', 1, [period('2020-01-01', null, 'Thôn Đông', ids.commune)]));
    });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('answers ancestry and jurisdiction by date, before and after the district was abolished', async () => {
    expect((await directory.ancestorsOf(ids.village, '2024-06-01')).map((entry) => entry.code)).toEqual(['TB-VT-VUHOI-T01', 'TB-VT-VUHOI', 'TB-VT', 'TB']);
    expect((await directory.ancestorsOf(ids.village, '2025-08-01')).map((entry) => entry.code)).toEqual(['TB-VT-VUHOI-T01', 'TB-VT-VUHOI', 'TB']);
    expect(await directory.isWithin(ids.village, ids.district, '2024-06-01')).toBe(true);
    expect(await directory.isWithin(ids.village, ids.district, '2025-08-01')).toBe(false);
    expect(await directory.isWithin(ids.district, ids.district, '2025-08-01')).toBe(false);
    expect((await directory.ancestorOfKind(ids.village, ['DISTRICT'], '2024-06-01'))?.code).toBe('TB-VT');
    expect(await directory.ancestorOfKind(ids.village, ['DISTRICT'], '2025-08-01')).toBeNull();
    expect((await directory.descendantsOf(ids.province, '2024-06-01', ['COMMUNE', 'RESIDENTIAL_AREA'])).map((e) => [e.code, e.depth])).toEqual([
      ['TB-VT-VUHOI', 2],
      ['TB-VT-VUHOI-T01', 3],
    ]);
  });

  it('applies a newer revision whole, and ignores a redelivered or older one', async () => {
    const renamed = state(ids.village, 'RESIDENTIAL_AREA', 'TB-VT-VUHOI-T01', 2, [
      period('2020-01-01', '2025-01-01', 'Thôn Đông', ids.commune),
      period('2025-01-01', null, 'Thôn Đông Hưng', ids.commune),
    ]);
    expect(await prisma.$transaction((tx) => projectUnitState(tx, renamed))).toBe('applied');
    expect(await prisma.$transaction((tx) => projectUnitState(tx, renamed))).toBe('stale');
    const older = state(ids.village, 'RESIDENTIAL_AREA', 'TB-VT-VUHOI-T01', 1, [period('2020-01-01', null, 'Tên cũ', ids.commune)]);
    expect(await prisma.$transaction((tx) => projectUnitState(tx, older))).toBe('stale');
    expect((await directory.unitAt(ids.village, '2025-03-01'))?.name).toBe('Thôn Đông Hưng');
    expect((await directory.unitAt(ids.village, '2024-03-01'))?.name).toBe('Thôn Đông');
    expect(await directory.revisionOf(ids.village)).toBe(2);
    expect(await prisma.directoryUnitVersion.count({ where: { unitId: ids.village } })).toBe(2);
  });

  it('keeps each period\'s code: after a recode the old code names nothing and the new one names the same unit', async () => {
    const school = randomUUID();
    const dated = (code: string, validFrom: string, validTo: string | null) => ({ ...period(validFrom, validTo, 'Trường THCS Vũ Hội', ids.commune), code });
    await prisma.$transaction((tx) =>
      projectUnitStates(tx, [state(school, 'SCHOOL', 'HY-THCS-VUHOI', 2, [dated('TB-VT-THCS', '2020-01-01', '2025-07-01'), dated('HY-THCS-VUHOI', '2025-07-01', null)])]),
    );
    expect((await directory.unitAt(school, '2024-06-01'))?.code).toBe('TB-VT-THCS');
    expect((await directory.unitAt(school, '2025-08-01'))?.code).toBe('HY-THCS-VUHOI');
    expect((await directory.unitByCode('TB-VT-THCS', '2024-06-01'))?.unitId).toBe(school);
    expect(await directory.unitByCode('TB-VT-THCS', '2025-08-01')).toBeNull();
    expect((await directory.unitByCode('HY-THCS-VUHOI', '2025-08-01'))?.unitId).toBe(school);
    expect(await directory.unitByCode('HY-THCS-VUHOI', '2024-06-01')).toBeNull();
    expect((await directory.descendantsOf(ids.commune, '2024-06-01', ['SCHOOL'])).map((entry) => entry.code)).toEqual(['TB-VT-THCS']);
    expect((await directory.ancestorsOf(school, '2025-08-01'))[0]?.code).toBe('HY-THCS-VUHOI');
    // A state published before codes were dated: the latest code answers for every period.
    expect((await directory.unitByCode('TB-VT-VUHOI-T01', '2021-01-01'))?.unitId).toBe(ids.village);
  });

  it('finds the first date of a period on which a unit leaves a subtree, checking every date the chain changes', async () => {
    expect(await directory.firstDateOutside(ids.village, ids.district, '2025-01-01', '2025-12-31')).toBe('2025-07-01');
    expect(await directory.firstDateOutside(ids.village, ids.district, '2024-01-01', '2024-12-31')).toBeNull();
    expect(await directory.firstDateOutside(ids.village, ids.province, '2024-01-01', '2025-12-31')).toBeNull();
    expect(await directory.firstDateOutside(ids.village, ids.district, '2026-01-01', '2026-12-31')).toBe('2026-01-01');
  });

  it('keeps each version\'s attributes, so that R1 is decided on the directory', async () => {
    const school = randomUUID();
    const attributes = { enterpriseSize: null, schoolLevel: 'PRIMARY', armedForces: null, residentHouseholds: null, staffCount: 41 };
    await prisma.$transaction((tx) =>
      projectUnitState(tx, { ...state(school, 'SCHOOL', 'TH-VH', 1, [{ ...period('2020-01-01', null, 'Trường Tiểu học Vũ Hội', ids.commune), attributes }]) }),
    );
    const entry = await directory.unitAt(school, '2024-06-01');
    expect(entry?.attributes).toEqual(attributes);
    expect(safeStandardScope(entry!.kind, entry!.attributes)).toEqual({ applies: false, reason: 'EARLY_OR_PRIMARY_SCHOOL' });
    expect((await directory.unitAt(ids.village, '2024-06-01'))?.attributes).toEqual({});
  });

  it('applies a batch set-based: the highest revision per unit, whatever the order, and nothing older than what is stored', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const named = (unitId: string, revision: number, name: string) =>
      state(unitId, 'RESIDENTIAL_AREA', `BATCH-${unitId.slice(0, 8)}`, revision, [period('2020-01-01', null, name, ids.commune)]);
    const first = [named(a, 2, 'A2'), named(a, 1, 'A1'), named(b, 1, 'B1'), named(a, 3, 'A3'), named(b, 1, 'B1')];
    expect(await prisma.$transaction((tx) => projectUnitStates(tx, first))).toBe(2);
    expect(await prisma.$transaction((tx) => projectUnitStates(tx, first))).toBe(0);
    const second = [named(a, 2, 'A2 again'), named(b, 3, 'B3'), named(b, 2, 'B2')];
    expect(await prisma.$transaction((tx) => projectUnitStates(tx, second))).toBe(1);
    expect(await prisma.$transaction((tx) => projectUnitStates(tx, []))).toBe(0);
    expect([await directory.revisionOf(a), await directory.revisionOf(b)]).toEqual([3, 3]);
    expect((await directory.unitAt(a, '2024-01-01'))?.name).toBe('A3');
    expect((await directory.unitAt(b, '2024-01-01'))?.name).toBe('B3');
    expect(await prisma.directoryUnitVersion.count({ where: { unitId: { in: [a, b] } } })).toBe(2);
  });

  it('writes only the versions that differ: keeps an unchanged period as it is, cuts one in place, deletes and adds the rest', async () => {
    const unit = randomUUID();
    const at = (revision: number, timeline: UnitState['timeline']) => state(unit, 'RESIDENTIAL_AREA', `DIFF-${unit.slice(0, 8)}`, revision, timeline);
    await prisma.$transaction((tx) =>
      projectUnitStates(tx, [
        at(1, [period('2020-01-01', '2022-01-01', 'Thôn Một', ids.commune), period('2022-01-01', '2024-01-01', 'Thôn Hai', ids.commune), period('2024-01-01', null, 'Thôn Ba', ids.commune)]),
      ]),
    );
    const rowVersions = async () =>
      new Map(
        (await prisma.$queryRawUnsafe<Array<{ from: string; xmin: string }>>(
          `SELECT valid_from::text AS "from", xmin::text AS xmin FROM directory_unit_version WHERE unit_id = $1::uuid`,
          unit,
        )).map((row) => [row.from, row.xmin]),
      );
    const before = await rowVersions();
    // Revision 2: the first period unchanged, the second cut earlier, the third gone, a new one from 2023.
    const next = [
      period('2020-01-01', '2022-01-01', 'Thôn Một', ids.commune),
      period('2022-01-01', '2023-01-01', 'Thôn Hai', ids.commune),
      period('2023-01-01', null, 'Thôn Hai Mới', ids.province),
    ];
    expect(await prisma.$transaction((tx) => projectUnitStates(tx, [at(2, next)]))).toBe(1);
    const after = await rowVersions();
    expect([...after.keys()].sort()).toEqual(['2020-01-01', '2022-01-01', '2023-01-01']);
    expect(after.get('2020-01-01')).toBe(before.get('2020-01-01'));
    expect(after.get('2022-01-01')).not.toBe(before.get('2022-01-01'));
    expect((await directory.unitAt(unit, '2022-06-01'))?.name).toBe('Thôn Hai');
    expect(await directory.unitAt(unit, '2023-06-01')).toMatchObject({ name: 'Thôn Hai Mới', parentId: ids.province });
    expect((await directory.unitAt(unit, '2024-06-01'))?.name).toBe('Thôn Hai Mới');
  });
});
