import { importUnits } from '../../src/import';
import { type OrgUnitsHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { type UnitResult, errorOf, mutate, mutateOk, queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

interface Report {
  valid: boolean;
  errors: { index: number | null; unitCode: string | null; reason: string }[];
  recoded: number;
}

const CREATE_PLAN = `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id dryRun { valid errors { index unitCode reason } recoded } } }`;
const APPLY = `mutation($id: ID!) { applyReorganisationPlan(id: $id) { status summary { recoded } } }`;
const BY_CODE = `query($code: String!, $asOf: Date) { unitByCode(code: $code, asOf: $asOf) { id code name } }`;

/**
 * Codes change over time: a plan recodes a unit from its date, `unitByCode` resolves the unit holding a code on the
 * date asked, and a code given up may be taken by another unit; no two units hold one code on the same date.
 */
describe('org-units codes by date', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  async function createPlan(operations: unknown[], effectiveDate = '2025-07-01') {
    const response = await harness.request<{ createReorganisationPlan: { id: string; dryRun: Report } }>(
      CREATE_PLAN,
      { input: { name: 'Đổi mã đơn vị', legalBasis: 'Quyết định 19/2025/QĐ-TTg', effectiveDate, operations } },
      systemAdmin,
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.createReorganisationPlan;
  }

  const byCode = async (code: string, asOf: string) =>
    (await queryOk<{ unitByCode: { id: string; code: string; name: string } | null }>(harness, BY_CODE, { code, asOf }, systemAdmin)).unitByCode;

  it('recodes a unit by plan: each side of the date sees the code of its day, in reads, subtree pages and events', async () => {
    const plan = await createPlan([{ type: 'RECODE', unit: '12730', code: '25123' }]);
    expect(plan.dryRun).toEqual({ valid: true, errors: [], recoded: 1 });
    const applied = await harness.request<{ applyReorganisationPlan: { status: string; summary: { recoded: number } } }>(APPLY, { id: plan.id }, systemAdmin);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyReorganisationPlan).toEqual({ status: 'APPLIED', summary: { recoded: 1 } });

    expect(await byCode('12730', '2025-06-30')).toEqual({ id: tree.vuQuy.id, code: '12730', name: 'Xã Vũ Quý' });
    expect(await byCode('12730', '2025-07-01')).toBeNull();
    expect(await byCode('25123', '2025-06-30')).toBeNull();
    expect(await byCode('25123', '2025-07-01')).toEqual({ id: tree.vuQuy.id, code: '25123', name: 'Xã Vũ Quý' });

    const DESCENDANTS = `query($asOf: Date) { unitByCode(code: "34", asOf: $asOf) { descendants(kinds: [COMMUNE], first: 10) { edges { node { id code } } } } }`;
    type Descendants = { unitByCode: { descendants: { edges: { node: { id: string; code: string } }[] } } };
    const before = await queryOk<Descendants>(harness, DESCENDANTS, { asOf: '2025-06-30' }, systemAdmin);
    expect(before.unitByCode.descendants.edges.map((e) => e.node.code)).toEqual(['12670', '12676', '12730']);
    const after = await queryOk<Descendants>(harness, DESCENDANTS, { asOf: '2025-07-01' }, systemAdmin);
    expect(after.unitByCode.descendants.edges.map((e) => e.node.code)).toEqual(['12670', '12676', '25123']);
    const history = await queryOk<{ unit: { history: { code: string; validFrom: string }[] } }>(
      harness,
      `query($id: ID!) { unit(id: $id, asOf: "2025-07-01") { history { code validFrom } } }`,
      { id: tree.vuQuy.id },
      systemAdmin,
    );
    expect(history.unit.history).toEqual([
      { code: '12730', validFrom: '2024-01-01' },
      { code: '25123', validFrom: '2025-07-01' },
    ]);
    const closure = await harness.prisma.unitClosure.findMany({ where: { descendantId: tree.vuQuy.id, ancestorId: tree.vuQuy.id }, orderBy: { validFrom: 'asc' } });
    expect(closure.map((row) => row.code)).toEqual(['12730', '25123']);

    const unit = await harness.prisma.unit.findUniqueOrThrow({ where: { id: tree.vuQuy.id } });
    expect(unit.code).toBe('25123');
    type UnitData = { unitId: string; code: string; change: { changes: string[] }; timeline: { code: string; validFrom: string }[] };
    const parts = await harness.prisma.outboxEvent.findMany({ where: { type: 'org-units.plan.applied.v1' } });
    const data = parts.flatMap((part) => (part.envelope as { data: { units: UnitData[] } }).data.units).find((unit) => unit.unitId === tree.vuQuy.id) as UnitData;
    expect(data.code).toBe('25123');
    expect(data.change.changes).toEqual(['recoded']);
    expect(data.timeline.map((v) => [v.code, v.validFrom])).toEqual([
      ['12730', '2024-01-01'],
      ['25123', '2025-07-01'],
    ]);
  });

  it('lets another unit take the old code once the first no longer holds it', async () => {
    const reused = await mutateOk<UnitResult>(
      harness,
      'createUnit',
      { code: '12730', kind: 'COMMUNE', name: 'Xã Hồng Vũ', parentId: tree.province.id, effectiveDate: '2025-08-01' },
      systemAdmin,
    );
    expect(reused.code).toBe('12730');
    expect(await byCode('12730', '2025-06-30')).toMatchObject({ id: tree.vuQuy.id });
    expect(await byCode('12730', '2025-07-15')).toBeNull();
    expect(await byCode('12730', '2025-08-01')).toMatchObject({ id: reused.id, name: 'Xã Hồng Vũ' });
  });

  it('refuses a code another unit holds on some date of the new period, writing nothing', async () => {
    const before = await tableCounts(harness.prisma);
    const held = await mutate(harness, 'createUnit', { code: '25123', kind: 'COMMUNE', name: 'Xã Trùng', parentId: tree.province.id, effectiveDate: '2025-08-01' }, systemAdmin);
    expect(errorOf(held)).toEqual({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
    // Vũ Hội holds 12670 from 2024 on.
    const overlapping = await mutate(harness, 'createUnit', { code: '12670', kind: 'COMMUNE', name: 'Xã Trùng', parentId: tree.province.id, effectiveDate: '2025-08-01' }, systemAdmin);
    expect(errorOf(overlapping)).toEqual({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('refuses by plan a code held on the date, or one held after it, and applies nothing', async () => {
    const plan = await createPlan([
      { type: 'RECODE', unit: '12676', code: '12670' },
      { type: 'CREATE', code: '12730', kind: 'COMMUNE', name: 'Xã Mới', parent: '34' },
    ]);
    expect(plan.dryRun.valid).toBe(false);
    expect(plan.dryRun.errors).toEqual([
      { index: 0, unitCode: '12670', reason: 'UNIT_CODE_TAKEN' },
      { index: 1, unitCode: '12730', reason: 'UNIT_CODE_TAKEN' },
    ]);
    const before = await tableCounts(harness.prisma);
    const applied = await harness.request(APPLY, { id: plan.id }, systemAdmin);
    expect(applied.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_INVALID' });
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('lets a plan give the code of a unit it merges to the new unit on the same day', async () => {
    const plan = await createPlan(
      [
        { type: 'CREATE', code: 'TMP-1', kind: 'COMMUNE', name: 'Xã Vũ Hội', parent: '34' },
        { type: 'MERGE', into: 'TMP-1', sources: [{ unit: '12670', share: 'WHOLE' }] },
        { type: 'RECODE', unit: 'TMP-1', code: '12670' },
      ],
      '2025-08-15',
    );
    expect(plan.dryRun).toMatchObject({ valid: true, errors: [] });
    const applied = await harness.request(APPLY, { id: plan.id }, systemAdmin);
    expect(applied.errors).toBeUndefined();
    const old = await byCode('12670', '2025-08-14');
    const successor = await byCode('12670', '2025-08-15');
    expect(old).toMatchObject({ id: tree.vuHoi.id });
    expect(successor?.id).not.toBe(tree.vuHoi.id);
    expect(await byCode('TMP-1', '2025-08-15')).toBeNull();
  });

  it('lets exactly one of concurrent creates of one code win', async () => {
    for (let round = 0; round < 3; round++) {
      const code = `RACE-${round}`;
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          mutate(harness, 'createUnit', { code, kind: 'COMMUNE', name: `Xã Đua ${i}`, parentId: tree.province.id, effectiveDate: '2025-08-01' }, systemAdmin),
        ),
      );
      expect(responses.filter((r) => !r.errors)).toHaveLength(1);
      for (const refused of responses.filter((r) => r.errors)) expect(errorOf(refused)).toEqual({ code: 'CONFLICT', reason: 'UNIT_CODE_TAKEN' });
      expect(await harness.prisma.unitVersion.count({ where: { code } })).toBe(1);
    }
  });

  it('imports under a unit named by its new code, and refuses a code any unit ever held, writing nothing', async () => {
    const imported = await importUnits(harness.prisma, [
      { code: '25123-01', kind: 'RESIDENTIAL_AREA', name: 'Thôn Quý Sơn', parentCode: '25123', effectiveFrom: '2025-08-01' },
    ]);
    expect([imported.outcome, imported.imported]).toEqual(['imported', 1]);
    const village = await queryOk<{ unitByCode: { parent: { id: string } } }>(harness, `{ unitByCode(code: "25123-01", asOf: "2025-08-01") { parent { id } } }`, {}, systemAdmin);
    expect(village.unitByCode.parent.id).toBe(tree.vuQuy.id);

    const ended = await mutateOk<UnitResult>(harness, 'createUnit', { code: 'ENDED-1', kind: 'COMMUNE', name: 'Xã Cũ', parentId: tree.province.id, effectiveDate: '2025-07-01' }, systemAdmin);
    await mutateOk(harness, 'dissolveUnit', { unitId: ended.id, effectiveDate: '2025-08-01', reason: 'Giải thể' }, systemAdmin);
    const before = await tableCounts(harness.prisma);
    const refused = await importUnits(harness.prisma, [{ code: 'ENDED-1', kind: 'COMMUNE', name: 'Xã Mới', parentCode: '34', effectiveFrom: '2025-09-01' }]);
    expect(refused.outcome).toBe('refused');
    expect(refused.rejected.map((row) => row.reason)).toEqual(['UNIT_CODE_TAKEN']);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('imports more codes than are locked one by one under the lock over every code, and still checks them', async () => {
    const villages = Array.from({ length: 1001 }, (_, i) => ({
      code: `12676-B${String(i).padStart(4, '0')}`,
      kind: 'RESIDENTIAL_AREA',
      name: `Thôn ${i}`,
      parentCode: '12676',
      effectiveFrom: '2025-09-01',
    }));
    const imported = await importUnits(harness.prisma, villages, { chunkSize: 400 });
    expect([imported.outcome, imported.imported]).toEqual(['imported', 1001]);
    const before = await tableCounts(harness.prisma);
    const again = await importUnits(harness.prisma, [...villages.slice(0, 1000).map((v) => ({ ...v, code: `${v.code}-X` })), villages[1000]!]);
    expect(again.outcome).toBe('refused');
    expect(again.rejected.map((row) => [row.code, row.reason])).toEqual([['12676-B1000', 'UNIT_CODE_TAKEN']]);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });
});
