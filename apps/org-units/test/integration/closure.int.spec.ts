import { derivedClosureRows } from '../../src/domain/unit/unit-closure.repository';
import { type OrgUnitsHarness, startHarness, systemAdmin } from '../support/org-units-harness';
import { type UnitResult, mutateOk, queryOk } from '../support/operations';
import { seedTree } from '../support/seed-tree';

const CREATE = `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id dryRun { valid errors { index unitCode reason } } } }`;
const APPLY = `mutation($id: ID!) { applyReorganisationPlan(id: $id) { id status } }`;
const DESCENDANTS = `query($id: ID!, $asOf: Date) {
  unit(id: $id, asOf: $asOf) { descendants(asOf: $asOf, first: 100) { edges { node { code } } } } }`;

interface ClosureRow {
  descendant_id: string;
  ancestor_id: string;
  valid_from: string;
  valid_to: string | null;
  code: string;
  kind: string;
}

/**
 * A plan rebuilds the closure only from its date on (rows ending before it are kept, rows across it cut there): after
 * plans with a merge, a transfer, a split, subtrees moved with everything below, a plan dated before one already
 * applied, a correcting plan and a back-dated correction, the table equals the rows derived from the versions afresh.
 */
describe('org-units closure kept incrementally by plans', () => {
  let harness: OrgUnitsHarness;
  let tree: Awaited<ReturnType<typeof seedTree>>;

  beforeAll(async () => {
    harness = await startHarness('2025-12-01');
    tree = await seedTree(harness);
  });
  afterAll(() => harness?.close());

  const table = () =>
    harness.prisma.$queryRaw<ClosureRow[]>`
      SELECT descendant_id::text, ancestor_id::text, valid_from::text, valid_to::text, code, kind::text
      FROM unit_closure ORDER BY descendant_id, ancestor_id, valid_from`;

  async function derivedAfresh(): Promise<ClosureRow[]> {
    const ids = (await harness.prisma.unit.findMany({ select: { id: true } })).map((unit) => unit.id);
    return harness.prisma.$queryRaw<ClosureRow[]>`
      SELECT descendant_id::text, ancestor_id::text, valid_from::text, valid_to::text, code, kind::text
      FROM (${derivedClosureRows(ids)}) AS d ORDER BY descendant_id, ancestor_id, valid_from`;
  }

  async function apply(effectiveDate: string, operations: unknown[], correctsPlanId: string | null = null): Promise<string> {
    const created = await harness.request<{ createReorganisationPlan: { id: string; dryRun: { valid: boolean; errors: unknown[] } } }>(
      CREATE,
      { input: { name: `Sắp xếp ngày ${effectiveDate}`, legalBasis: 'Nghị quyết 1665/NQ-UBTVQH15', effectiveDate, operations, correctsPlanId } },
      systemAdmin,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const plan = created.data!.createReorganisationPlan;
    expect(plan.dryRun.errors).toEqual([]);
    const before = await table();
    // Versions are written in place: one that ended by the plan's date is not rewritten (the same row version, xmin).
    const endedVersions = () =>
      harness.prisma.$queryRaw<{ unit_id: string; valid_from: string; xmin: string }[]>`
        SELECT unit_id::text, valid_from::text, xmin::text FROM unit_version
        WHERE valid_to <= ${effectiveDate}::date ORDER BY unit_id, valid_from`;
    const versionsBefore = await endedVersions();
    const applied = await harness.request<{ applyReorganisationPlan: { status: string } }>(APPLY, { id: plan.id }, systemAdmin);
    if (applied.errors) throw new Error(JSON.stringify(applied.errors));
    expect(applied.data!.applyReorganisationPlan.status).toBe('APPLIED');
    // The past is kept as it was: every row that ended on or before the plan's date is still there, unchanged.
    const ended = (rows: ClosureRow[]) => rows.filter((row) => row.valid_to !== null && row.valid_to <= effectiveDate);
    expect(ended(await table())).toEqual(expect.arrayContaining(ended(before)));
    expect(await table()).toEqual(await derivedAfresh());
    expect(await endedVersions()).toEqual(expect.arrayContaining(versionsBefore));
    return plan.id;
  }

  const below = async (unit: UnitResult | string, asOf: string) => {
    const id = typeof unit === 'string' ? unit : unit.id;
    const data = await queryOk<{ unit: { descendants: { edges: { node: { code: string } }[] } } }>(harness, DESCENDANTS, { id, asOf }, systemAdmin);
    return data.unit.descendants.edges.map((edge) => edge.node.code);
  };

  it('merges whole and in part, transfers a village and abolishes the districts with everything below', async () => {
    await apply('2025-07-01', [
      { type: 'CREATE', code: '12680', kind: 'COMMUNE', name: 'Xã Vũ Thư', parent: '34' },
      { type: 'MERGE', into: '12680', sources: [{ unit: '12670', share: 'WHOLE' }, { unit: '12676', share: 'PARTIAL' }] },
      { type: 'TRANSFER', from: '12676', to: '12680', dependents: ['12676-01'] },
      { type: 'MOVE', unit: '12676', parent: '34' },
      { type: 'MOVE', unit: '12730', parent: '34' },
      { type: 'MOVE', unit: '34000315', parent: '34' },
      { type: 'DISSOLVE', unit: '344', handToParent: true },
      { type: 'DISSOLVE', unit: '345', handToParent: true },
    ]);
    expect(await below(tree.vuThu, '2025-06-30')).toEqual(['1000214587', '12670', '12670-01', '12676', '12676-01', '34000315']);
    expect(await below(tree.province, '2025-07-01')).toEqual(['1000214587', '12670-01', '12676', '12676-01', '12680', '12730', '34000315']);
  });

  let splitPlanId = '';

  it('splits a commune, its enterprise going to one of the parts', async () => {
    splitPlanId = await apply('2025-10-01', [
      { type: 'CREATE', code: '12690', kind: 'COMMUNE', name: 'Xã Vũ Vinh Đông', parent: '34' },
      { type: 'CREATE', code: '12691', kind: 'COMMUNE', name: 'Xã Vũ Vinh Tây', parent: '34' },
      { type: 'MOVE', unit: '1000214587', parent: '12690' },
      { type: 'UPDATE', unit: '1000214587', managingUnit: '12690' },
      { type: 'SPLIT', unit: '12676', intoUnits: ['12690', '12691'] },
    ]);
    expect(await below(tree.vuVinh, '2025-09-30')).toEqual(['1000214587']);
    const east = await harness.prisma.unit.findFirstOrThrow({ where: { code: '12690' } });
    expect(await below(east.id, '2025-10-01')).toEqual(['1000214587']);
  });

  it('applies a plan dated before the plans already applied, and a plan correcting one', async () => {
    await apply('2025-05-01', [
      { type: 'CREATE', code: '12730-01', kind: 'RESIDENTIAL_AREA', name: 'Thôn Tân Lập', parent: '12730' },
    ]);
    await apply(
      '2025-10-01',
      [
        { type: 'RENAME', unit: '12691', name: 'Xã Vũ Vinh Bắc' },
        { type: 'RECODE', unit: '12691', code: '12692' },
      ],
      splitPlanId,
    );
    expect(await below(tree.kienXuong, '2025-06-30')).toEqual(['12730', '12730-01']);
    expect(await below(tree.province, '2025-07-01')).toContain('12730-01');
  });

  it('stays equal to the derived rows after a back-dated correction by a single command', async () => {
    await mutateOk(
      harness,
      'moveUnit',
      { unitId: tree.may.id, parentId: tree.vuQuy.id, effectiveDate: '2025-03-01', correction: { reason: 'Quyết định có hiệu lực từ 01/03/2025' } },
      systemAdmin,
    );
    expect(await below(tree.kienXuong, '2025-03-01')).toEqual(['1000214587', '12730']);
    expect(await below(tree.vuQuy, '2025-10-01')).toEqual(['1000214587', '12730-01']);
    const rows = await table();
    expect(rows).toEqual(await derivedAfresh());
    expect(rows.length).toBeGreaterThan(40);
  });
});
