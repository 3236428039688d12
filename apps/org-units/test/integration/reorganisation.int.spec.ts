import { type OrgUnitsHarness, officer, orgAdmin, systemAdmin, tableCounts } from '../support/org-units-harness';
import { queryOk } from '../support/operations';
import { startSeededHarness, type Tree } from '../support/seed-tree';

interface Report {
  valid: boolean;
  errorCount: number;
  errors: { index: number | null; unitCode: string | null; reason: string }[];
  before: { kind: string; parentKind: string | null; count: number }[];
  after: { kind: string; parentKind: string | null; count: number }[];
  created: number;
  dissolved: number;
  moved: number;
  rehomed: number;
  unitsChanged: number;
  lineageEdges: number;
}

const REPORT = `valid errorCount errors { index unitCode reason } before { kind parentKind count } after { kind parentKind count }
  created dissolved moved rehomed unitsChanged lineageEdges`;
const CREATE = `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id status operationCount dryRun { ${REPORT} } } }`;
const APPLY = `mutation($id: ID!) { applyReorganisationPlan(id: $id) { id status summary { ${REPORT} } } }`;

/**
 * The 1 July 2025 reform on the small Thái Bình tree, as one dated plan through the gateway: Vũ Hội merges whole and Vũ
 * Vinh in part (with its village Vĩnh Trung) into a new commune under the province, the districts are abolished and
 * everything left under them goes to the province.
 */
describe('org-units reorganisation plans', () => {
  let harness: OrgUnitsHarness;
  let tree: Tree;

  beforeAll(async () => {
    ({ harness, tree } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  const reform = [
    { type: 'CREATE', code: '12680', kind: 'COMMUNE', name: 'Xã Vũ Thư', parent: '34' },
    { type: 'MERGE', into: '12680', sources: [{ unit: '12670', share: 'WHOLE' }, { unit: '12676', share: 'PARTIAL' }] },
    { type: 'TRANSFER', from: '12676', to: '12680', dependents: ['12676-01'] },
    { type: 'MOVE', unit: '12676', parent: '34' },
    { type: 'MOVE', unit: '12730', parent: '34' },
    { type: 'MOVE', unit: '34000315', parent: '34' },
    { type: 'DISSOLVE', unit: '344', handToParent: true },
    { type: 'DISSOLVE', unit: '345', handToParent: true },
  ];

  async function createPlan(operations: unknown[], caller = systemAdmin, name = 'Sắp xếp đơn vị hành chính cấp xã năm 2025') {
    const response = await harness.request<{ createReorganisationPlan: { id: string; status: string; operationCount: number; dryRun: Report } }>(
      CREATE,
      { input: { name, legalBasis: 'Nghị quyết 1665/NQ-UBTVQH15', effectiveDate: '2025-07-01', operations } },
      caller,
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.createReorganisationPlan;
  }

  it('refuses a plan whose operations break a rule after the whole plan, naming each operation, and writes nothing', async () => {
    // Vũ Vinh and the school still sit under Vũ Thư when it ends.
    const plan = await createPlan([...reform.slice(0, 3), { type: 'DISSOLVE', unit: '344' }]);
    expect(plan.dryRun.valid).toBe(false);
    expect(plan.dryRun.errors).toContainEqual({ index: 3, unitCode: '344', reason: 'UNIT_HAS_LIVE_CHILDREN' });
    const before = await tableCounts(harness.prisma);
    const response = await harness.request(APPLY, { id: plan.id }, systemAdmin);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_INVALID' });
    expect((response.errors?.[0]?.extensions?.errors as { index: number }[]).map((e) => e.index)).toContain(3);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('refuses an ORG_ADMIN a plan that reaches outside its jurisdiction, writing nothing', async () => {
    const plan = await createPlan([{ type: 'RENAME', unit: '12730', name: 'Xã Vũ Quý Mới' }], orgAdmin(tree.vuThu.id), 'Đổi tên');
    const before = await tableCounts(harness.prisma);
    const response = await harness.request(APPLY, { id: plan.id }, orgAdmin(tree.vuThu.id));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLAN_INVALID' });
    expect(response.errors?.[0]?.extensions?.errors).toEqual([expect.objectContaining({ index: 0, unitCode: '12730', reason: 'UNIT_NOT_FOUND' })]);
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('answers a plan naming a unit outside the caller\'s jurisdiction exactly as one naming an unknown unit', async () => {
    const admin = orgAdmin(tree.vuThu.id);
    const outside = await createPlan([{ type: 'RENAME', unit: '12730', name: 'Xã Vũ Quý Mới' }], admin, 'Đổi tên');
    const unknown = await createPlan([{ type: 'RENAME', unit: '99999', name: 'Xã Vũ Quý Mới' }], admin, 'Đổi tên');
    expect(outside.dryRun.errors).toEqual([{ index: 0, unitCode: '12730', reason: 'UNIT_NOT_FOUND' }]);
    expect(unknown.dryRun.errors).toEqual([{ index: 0, unitCode: '99999', reason: 'UNIT_NOT_FOUND' }]);
    const ownUnit = await createPlan([{ type: 'RENAME', unit: '344', name: 'Huyện Vũ Thư Mới' }], admin, 'Đổi tên');
    expect(ownUnit.dryRun.errors.map((e) => e.reason)).toEqual(['JURISDICTION_ROOT']);
  });

  it('keeps a DRAFT to the jurisdiction that recorded it and the levels above; elsewhere it does not exist', async () => {
    const PLAN = `query($id: ID!) { reorganisationPlan(id: $id) { id status name } }`;
    const PLANS = `{ reorganisationPlans(first: 100) { id } }`;
    const author = orgAdmin(tree.vuThu.id);
    const draft = await createPlan([{ type: 'RENAME', unit: '12676', name: 'Xã Vũ Vinh Mới' }], author, 'Đổi tên xã Vũ Vinh (dự thảo)');
    const reads = async (caller: typeof author) => {
      const one = await queryOk<{ reorganisationPlan: { id: string } | null }>(harness, PLAN, { id: draft.id }, caller);
      const all = await queryOk<{ reorganisationPlans: { id: string }[] }>(harness, PLANS, {}, caller);
      return { one: one.reorganisationPlan?.id ?? null, listed: all.reorganisationPlans.some((plan) => plan.id === draft.id) };
    };
    const seen = { one: draft.id, listed: true };
    const unseen = { one: null, listed: false };
    // The district that recorded it (its admin and its officer), the province above, SYSTEM_ADMIN.
    for (const caller of [author, officer(tree.vuThu.id), orgAdmin(tree.province.id), systemAdmin]) expect(await reads(caller)).toEqual(seen);
    // Another district, and a commune below the author (a district's proposal is not the commune's to read).
    for (const caller of [orgAdmin(tree.kienXuong.id), officer(tree.kienXuong.id), orgAdmin(tree.vuVinh.id)]) expect(await reads(caller)).toEqual(unseen);

    // Outside, every use of the draft's id is answered as for an id that names no plan, and writes nothing.
    const outsider = orgAdmin(tree.kienXuong.id);
    const unknownId = '3f8a1c52-7d4e-4b7a-9c1e-2b6d8e0f4a11';
    const before = await tableCounts(harness.prisma);
    for (const id of [draft.id, unknownId]) {
      const apply = await harness.request(APPLY, { id }, outsider);
      expect(apply.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PLAN_NOT_FOUND' });
      const correcting = await harness.request(
        CREATE,
        { input: { name: 'Đính chính', legalBasis: 'NQ', effectiveDate: '2025-07-01', operations: [{ type: 'RENAME', unit: '12730', name: 'Xã Vũ Quý' }], correctsPlanId: id } },
        outsider,
      );
      expect(correcting.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PLAN_NOT_FOUND', field: 'correctsPlanId' });
    }
    expect(await tableCounts(harness.prisma)).toEqual(before);
    // Inside, the same correction is refused for what it is: the draft exists but is not applied.
    const inside = await harness.request(
      CREATE,
      { input: { name: 'Đính chính', legalBasis: 'NQ', effectiveDate: '2025-07-01', operations: [{ type: 'RENAME', unit: '12676', name: 'Xã Vũ Vinh' }], correctsPlanId: draft.id } },
      author,
    );
    expect(inside.errors?.[0]?.extensions).toMatchObject({ reason: 'PLAN_NOT_APPLIED' });
  });

  it('dry-runs and applies the reform atomically; the new tree holds on the reform day itself', async () => {
    const plan = await createPlan(reform);
    expect(plan).toMatchObject({ status: 'DRAFT', operationCount: 8 });
    expect(plan.dryRun).toMatchObject({ valid: true, errorCount: 0, created: 1, dissolved: 3, lineageEdges: 3 });
    expect(plan.dryRun.before).toContainEqual({ kind: 'COMMUNE', parentKind: 'DISTRICT', count: 3 });
    expect(plan.dryRun.after).toContainEqual({ kind: 'COMMUNE', parentKind: 'PROVINCE', count: 3 });
    expect(plan.dryRun.after.some((c) => c.kind === 'DISTRICT')).toBe(false);

    const outboxBefore = await harness.prisma.outboxEvent.count();
    const auditBefore = await harness.prisma.unitChange.count();
    const applied = await harness.request<{ applyReorganisationPlan: { status: string; summary: Report } }>(APPLY, { id: plan.id }, systemAdmin);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyReorganisationPlan.status).toBe('APPLIED');
    const changed = applied.data!.applyReorganisationPlan.summary.unitsChanged;
    // The plan is published as org-units.plan.applied parts (one here), together naming each unit it changed once.
    type PartData = { planId: string; part: number; unitCount: number; units: Array<{ unitId: string; change: { planId: string; successors: Array<{ unitId: string; share: string }> } }> };
    const parts = (await harness.prisma.outboxEvent.findMany({ where: { type: 'org-units.plan.applied.v1' }, orderBy: { seq: 'asc' } })).map(
      (event) => ({ aggregateId: event.aggregateId, data: (event.envelope as { data: PartData }).data }),
    );
    expect(parts.map((part) => [part.aggregateId, part.data.planId, part.data.part, part.data.unitCount])).toEqual([[plan.id, plan.id, 1, changed]]);
    const units = parts.flatMap((part) => part.data.units);
    expect(new Set(units.map((unit) => unit.unitId)).size).toBe(changed);
    expect(units.every((unit) => unit.change.planId === plan.id)).toBe(true);
    expect((await harness.prisma.outboxEvent.count()) - outboxBefore).toBe(parts.length);
    expect(await harness.prisma.outboxEvent.count({ where: { type: 'org-units.unit.reorganised.v1' } })).toBe(0);
    // One audit record: the plan's own row names who applied it, when, and every unit it changed (no row per unit).
    const record = await harness.prisma.reorganisationPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(record).toMatchObject({ status: 'APPLIED', appliedBy: expect.any(String), appliedAt: expect.any(Date) });
    expect(new Set(record.changedUnitIds)).toEqual(new Set(units.map((unit) => unit.unitId)));
    expect(record.changedUnitIds).toHaveLength(changed);
    expect(await harness.prisma.unitChange.count()).toBe(auditBefore);
    // Each unit names its successors with the share org-units recorded (one per pair: WHOLE when any edge is).
    const recorded = new Map<string, string>();
    for (const edge of await harness.prisma.unitLineage.findMany({ where: { planId: plan.id } })) {
      const key = `${edge.predecessorId}>${edge.successorId}`;
      if (recorded.get(key) !== 'WHOLE') recorded.set(key, edge.share);
    }
    const published = new Map(units.flatMap((unit) => unit.change.successors.map((successor) => [`${unit.unitId}>${successor.unitId}`, successor.share] as const)));
    expect([...recorded.values()]).toEqual(expect.arrayContaining(['WHOLE', 'PARTIAL']));
    expect(published).toEqual(recorded);

    const CHILDREN = `query($asOf: Date) { unitByCode(code: "34", asOf: $asOf) { children(kinds: [DISTRICT, COMMUNE], first: 20) { edges { node { code kind } } } } }`;
    const dayBefore = await queryOk<{ unitByCode: { children: { edges: { node: { code: string } }[] } } }>(harness, CHILDREN, { asOf: '2025-06-30' }, systemAdmin);
    expect(dayBefore.unitByCode.children.edges.map((e) => e.node.code)).toEqual(['344', '345']);
    const reformDay = await queryOk<typeof dayBefore>(harness, CHILDREN, { asOf: '2025-07-01' }, systemAdmin);
    expect(reformDay.unitByCode.children.edges.map((e) => e.node.code)).toEqual(['12676', '12680', '12730']);

    const village = await queryOk<{ unitByCode: { ancestors: { code: string }[] } }>(
      harness,
      `{ unitByCode(code: "12670-01", asOf: "2025-07-01") { ancestors { code } } }`,
      {},
      systemAdmin,
    );
    expect(village.unitByCode.ancestors.map((a) => a.code)).toEqual(['12680', '34']);
  });

  it('carries lineage, whole and partial, across generations both ways', async () => {
    const data = await queryOk<{
      now: { origins: { unit: { code: string; name: string }; share: string; generations: number }[] };
      old: { successorsOn: { unit: { code: string }; share: string }[]; lineage: { successors: { event: string; share: string; unit: { code: string } }[] } };
      partial: { successorsOn: { unit: { code: string }; share: string }[] };
    }>(
      harness,
      `{ now: unitByCode(code: "12680", asOf: "2025-08-01") { origins(asOf: "2024-06-01") { unit { code name } share generations } }
         old: unitByCode(code: "12670", asOf: "2024-06-01") { successorsOn(asOf: "2025-08-01") { unit { code } share } lineage { successors { event share unit { code } } } }
         partial: unitByCode(code: "12676", asOf: "2024-06-01") { successorsOn(asOf: "2025-08-01") { unit { code } share } } }`,
      {},
      systemAdmin,
    );
    expect(data.now.origins).toEqual([
      { unit: { code: '12670', name: 'Xã Vũ Hội' }, share: 'WHOLE', generations: 1 },
      { unit: { code: '12676', name: 'Xã Vũ Vinh' }, share: 'PARTIAL', generations: 1 },
    ]);
    expect(data.old.successorsOn).toEqual([{ unit: { code: '12680' }, share: 'WHOLE' }]);
    expect(data.old.lineage.successors).toEqual([{ event: 'MERGE', share: 'WHOLE', unit: { code: '12680' } }]);
    expect(data.partial.successorsOn).toEqual([{ unit: { code: '12680' }, share: 'PARTIAL' }]);
  });

  it('lets the staff of a new unit read the past of the units that went whole into it, never write it', async () => {
    const ids = await queryOk<{ n: { id: string } }>(harness, `{ n: unitByCode(code: "12680", asOf: "2025-08-01") { id } }`, {}, systemAdmin);
    const staff = orgAdmin(ids.n.id);
    const UNIT = `query($id: ID!) { unit(id: $id, asOf: "2024-06-01") { code children { edges { node { code } } } } }`;
    const whole = await queryOk<{ unit: { code: string; children: { edges: { node: { code: string } }[] } } }>(harness, UNIT, { id: tree.vuHoi.id }, staff);
    expect(whole.unit).toEqual({ code: '12670', children: { edges: [{ node: { code: '12670-01' } }] } });
    const partial = await harness.request(UNIT, { id: tree.vuVinh.id }, staff);
    expect(partial).toEqual({ data: { unit: null } });
    const before = await tableCounts(harness.prisma);
    const write = await harness.request(
      `mutation($input: RenameUnitInput!) { renameUnit(input: $input) { id } }`,
      { input: { unitId: tree.hoiThuong.id, name: 'Thôn Khác', effectiveDate: '2024-06-01', correction: { reason: 'thử' } } },
      staff,
    );
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNIT_NOT_FOUND' });
    expect(await tableCounts(harness.prisma)).toEqual(before);
  });

  it('never applies a plan twice, and keeps the applied plan unchanged', async () => {
    const plans = await queryOk<{ reorganisationPlans: { id: string; status: string }[] }>(harness, `{ reorganisationPlans { id status } }`, {}, systemAdmin);
    const applied = plans.reorganisationPlans.find((p) => p.status === 'APPLIED');
    const again = await harness.request(APPLY, { id: applied!.id }, systemAdmin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_ALREADY_APPLIED' });
  });

  it('lets every signed-in caller read an applied plan: it is a legal act', async () => {
    const plans = await queryOk<{ reorganisationPlans: { id: string; status: string }[] }>(harness, `{ reorganisationPlans { id status } }`, {}, systemAdmin);
    const applied = plans.reorganisationPlans.find((p) => p.status === 'APPLIED')!;
    const reader = officer(tree.vuQuy.id);
    const one = await queryOk<{ reorganisationPlan: { id: string; status: string } | null }>(
      harness,
      `query($id: ID!) { reorganisationPlan(id: $id) { id status } }`,
      { id: applied.id },
      reader,
    );
    expect(one.reorganisationPlan).toEqual({ id: applied.id, status: 'APPLIED' });
    const listed = await queryOk<{ reorganisationPlans: { id: string; status: string }[] }>(harness, `{ reorganisationPlans(first: 100) { id status } }`, {}, reader);
    expect(listed.reorganisationPlans.map((p) => p.id)).toContain(applied.id);
    expect(listed.reorganisationPlans.every((p) => p.status === 'APPLIED')).toBe(true);
  });

  it('refuses malformed operations naming the field', async () => {
    const response = await harness.request(
      CREATE,
      { input: { name: 'X', legalBasis: 'NQ', effectiveDate: '2025-07-01', operations: [{ type: 'MERGE', into: '12680', sources: [{ unit: 'bad code!' }] }] } },
      systemAdmin,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CODE', field: 'operations[0].sources[0].unit' });
  });
  it('records a plan from mapping rows, and lineage spans both generations', async () => {
    const FROM_MAPPING = `mutation($input: CreateReorganisationPlanFromMappingInput!) { createReorganisationPlanFromMapping(input: $input) { id operationCount dryRun { ${REPORT} } } }`;
    const bad = await harness.request(
      FROM_MAPPING,
      { input: { name: 'Sáp nhập', legalBasis: 'NQ 2', effectiveDate: '2025-10-01', rows: [{ newCode: 'X1' }, { newCode: '12690', sourceCode: '12680', share: 'WHOLE', dependents: ['12670-01'] }] } },
      systemAdmin,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAPPING_INVALID', errorCount: 2 });

    const created = await harness.request<{ createReorganisationPlanFromMapping: { id: string; operationCount: number; dryRun: Report } }>(
      FROM_MAPPING,
      {
        input: {
          name: 'Sáp nhập xã Vũ Thư và xã Vũ Vinh',
          legalBasis: 'Nghị quyết 2/NQ-HĐND',
          effectiveDate: '2025-10-01',
          rows: [
            { newCode: '12690', newName: 'Xã Vũ Thư Vinh', newKind: 'COMMUNE', newParentCode: '34', sourceCode: '12680', share: 'WHOLE' },
            { newCode: '12690', sourceCode: '12676', share: 'WHOLE' },
          ],
        },
      },
      systemAdmin,
    );
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createReorganisationPlanFromMapping;
    expect(plan.operationCount).toBe(2);
    expect(plan.dryRun).toMatchObject({ valid: true, created: 1, dissolved: 2 });
    const applied = await harness.request(APPLY, { id: plan.id }, systemAdmin);
    expect(applied.errors).toBeUndefined();

    const origins = await queryOk<{ unitByCode: { origins: { unit: { code: string }; share: string; generations: number }[] } }>(
      harness,
      `{ unitByCode(code: "12690", asOf: "2025-12-01") { origins(asOf: "2024-06-01") { unit { code } share generations } } }`,
      {},
      systemAdmin,
    );
    // Vũ Vinh went in part through Xã Vũ Thư and the rest directly: whole in the end; Vũ Hội came two generations back.
    expect(origins.unitByCode.origins).toEqual([
      { unit: { code: '12676' }, share: 'WHOLE', generations: 1 },
      { unit: { code: '12670' }, share: 'WHOLE', generations: 2 },
    ]);
    const successors = await queryOk<{ unitByCode: { successorsOn: { unit: { code: string }; generations: number }[] } }>(
      harness,
      `{ unitByCode(code: "12670", asOf: "2024-06-01") { successorsOn(asOf: "2025-12-01") { unit { code } generations } } }`,
      {},
      systemAdmin,
    );
    expect(successors.unitByCode.successorsOn).toEqual([{ unit: { code: '12690' }, generations: 2 }]);
  });

  it('carries a unit on under a new code from a mapping row with previousCode: same unit, new code from the date', async () => {
    const FROM_MAPPING = `mutation($input: CreateReorganisationPlanFromMappingInput!) { createReorganisationPlanFromMapping(input: $input) { id operationCount dryRun { ${REPORT} } } }`;
    const created = await harness.request<{ createReorganisationPlanFromMapping: { id: string; operationCount: number; dryRun: Report } }>(
      FROM_MAPPING,
      {
        input: {
          name: 'Đổi mã đơn vị',
          legalBasis: 'Quyết định 3/QĐ-UBND',
          effectiveDate: '2025-11-01',
          rows: [{ newCode: '12731', previousCode: '12730' }],
        },
      },
      systemAdmin,
    );
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createReorganisationPlanFromMapping;
    expect(plan.operationCount).toBe(1);
    expect(plan.dryRun).toMatchObject({ valid: true, created: 0, dissolved: 0 });
    expect((await harness.request(APPLY, { id: plan.id }, systemAdmin)).errors).toBeUndefined();

    const BY_CODE = `query($code: String!, $asOf: Date) { unitByCode(code: $code, asOf: $asOf) { id code } }`;
    const before = await queryOk<{ unitByCode: { id: string; code: string } | null }>(harness, BY_CODE, { code: '12730', asOf: '2025-10-15' }, systemAdmin);
    const after = await queryOk<{ unitByCode: { id: string; code: string } | null }>(harness, BY_CODE, { code: '12731', asOf: '2025-12-01' }, systemAdmin);
    const oldCodeAfter = await queryOk<{ unitByCode: { id: string } | null }>(harness, BY_CODE, { code: '12730', asOf: '2025-12-01' }, systemAdmin);
    expect(after.unitByCode).toEqual({ id: before.unitByCode?.id, code: '12731' });
    expect(oldCodeAfter.unitByCode).toBeNull();
  });
});

