import { type OrgUnitsHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { startSeededHarness } from '../support/seed-tree';

const CREATE = `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id status dryRun { valid unitsChanged } } }`;
const APPLY = `mutation($id: ID!) { applyReorganisationPlan(id: $id) { id status summary { unitsChanged } } }`;
const PLAN = `query($id: ID!) { reorganisationPlan(id: $id) { status } }`;

/**
 * A plan is applied on one plain connection whose statements queue, issued without being awaited one by one, while Node
 * builds the events (UnitRepository.bulkTransaction): a failure in PostgreSQL on either side, half-way or at the very
 * end, must still leave nothing written.
 */
describe('org-units: the writes of a reorganisation plan', () => {
  let harness: OrgUnitsHarness;

  beforeAll(async () => {
    ({ harness } = await startSeededHarness('2025-09-01'));
  });
  afterAll(() => harness?.close());

  async function createPlan(name: string, unit: string, newName: string): Promise<string> {
    const response = await harness.request<{ createReorganisationPlan: { id: string; dryRun: { valid: boolean } } }>(
      CREATE,
      {
        input: {
          name,
          legalBasis: 'Nghị quyết 1665/NQ-UBTVQH15',
          effectiveDate: '2025-07-01',
          operations: [{ type: 'RENAME', unit, name: newName }],
        },
      },
      systemAdmin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createReorganisationPlan.dryRun.valid).toBe(true);
    return response.data!.createReorganisationPlan.id;
  }

  // Each constraint, added to this test's own database for the one apply, refuses a row written half-way through.
  it.each([
    ['a version (the units side)', '12676', 'Xã Vũ Vinh Một', 'unit_version', `CHECK (name <> 'Xã Vũ Vinh Một')`],
    ['an event (the side Node builds while PostgreSQL writes)', '12670', 'Xã Vũ Hội Hai', 'outbox_event', `CHECK (type <> 'org-units.plan.applied.v1')`],
    ['its audit record (the plan marked APPLIED, last)', '12730', 'Xã Vũ Quý Ba', 'reorganisation_plan', `CHECK (status <> 'APPLIED')`],
  ])('writes nothing when PostgreSQL refuses %s, and the plan applies once the cause is gone', async (_, unit, newName, table, check) => {
    const id = await createPlan(`Đổi tên (${table})`, unit, newName);
    await harness.prisma.$executeRawUnsafe(`ALTER TABLE ${table} ADD CONSTRAINT test_refuses_plan ${check} NOT VALID`);
    try {
      const before = await tableCounts(harness.prisma);
      const failed = await harness.request(APPLY, { id }, systemAdmin);
      expect(failed.errors?.length).toBe(1);
      expect(await tableCounts(harness.prisma)).toEqual(before);
      const draft = await harness.request<{ reorganisationPlan: { status: string } }>(PLAN, { id }, systemAdmin);
      expect(draft.data!.reorganisationPlan.status).toBe('DRAFT');
    } finally {
      await harness.prisma.$executeRawUnsafe(`ALTER TABLE ${table} DROP CONSTRAINT test_refuses_plan`);
    }
    const reorganised = () => harness.prisma.outboxEvent.count({ where: { type: 'org-units.plan.applied.v1' } });
    const eventsBefore = await reorganised();
    const applied = await harness.request<{ applyReorganisationPlan: { status: string; summary: { unitsChanged: number } } }>(APPLY, { id }, systemAdmin);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyReorganisationPlan).toMatchObject({ status: 'APPLIED', summary: { unitsChanged: 1 } });
    expect((await reorganised()) - eventsBefore).toBe(1);
  });
});
