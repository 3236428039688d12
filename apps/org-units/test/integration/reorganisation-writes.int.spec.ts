import { Pool } from 'pg';
import { pgTransaction } from '../../src/infrastructure/raw-sql';
import { type OrgUnitsHarness, systemAdmin, tableCounts } from '../support/org-units-harness';
import { startSeededHarness } from '../support/seed-tree';

const CREATE = `mutation($input: CreateReorganisationPlanInput!) { createReorganisationPlan(input: $input) { id status dryRun { valid unitsChanged } } }`;
const APPLY = `mutation($id: ID!) { applyReorganisationPlan(id: $id) { id status summary { unitsChanged } } }`;
const PLAN = `query($id: ID!) { reorganisationPlan(id: $id) { status } }`;

/**
 * A plan is applied on one plain connection whose statements queue while Node builds the audit rows and the events
 * (UnitRepository.bulkTransaction): a failure in PostgreSQL on either side, half-way, must still leave nothing written.
 */
describe('org-units: the writes of a reorganisation plan', () => {
  let harness: OrgUnitsHarness;
  let pool: Pool;

  beforeAll(async () => {
    ({ harness } = await startSeededHarness('2025-09-01'));
    pool = new Pool({ connectionString: harness.database.url, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await harness?.close();
  });

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
    ['an event (the side Node builds while PostgreSQL writes)', '12670', 'Xã Vũ Hội Hai', 'outbox_event', `CHECK (type <> 'org-units.unit.reorganised.v1')`],
    ['an audit row', '12730', 'Xã Vũ Quý Ba', 'unit_change', `CHECK (type <> 'reorganised')`],
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
    const reorganised = () => harness.prisma.outboxEvent.count({ where: { type: 'org-units.unit.reorganised.v1' } });
    const eventsBefore = await reorganised();
    const applied = await harness.request<{ applyReorganisationPlan: { status: string; summary: { unitsChanged: number } } }>(APPLY, { id }, systemAdmin);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyReorganisationPlan).toMatchObject({ status: 'APPLIED', summary: { unitsChanged: 1 } });
    expect((await reorganised()) - eventsBefore).toBe(1);
  });

  describe('pgTransaction', () => {
    beforeAll(() => harness.prisma.$executeRawUnsafe('CREATE TABLE test_probe (n int NOT NULL)'));
    beforeEach(() => harness.prisma.$executeRawUnsafe('TRUNCATE test_probe'));
    const options = { statementTimeoutMs: 10_000, idleTimeoutMs: 10_000 };
    const probe = async () => (await harness.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT n FROM test_probe ORDER BY n')).map((row) => row.n);

    it('runs queued statements in the order they were issued', async () => {
      await pgTransaction(pool, options, async (sql) => {
        const issued = [1, 2, 3].map((n) => sql.$executeRawUnsafe('INSERT INTO test_probe (n) SELECT $1::int + coalesce(max(n), 0) * 10 FROM test_probe', n));
        await Promise.all(issued);
      });
      expect(await probe()).toEqual([1, 12, 123]);
    });

    it('reports the first failure to every statement queued after it, and rolls back even when the work caught it', async () => {
      const outcome = pgTransaction(pool, options, async (sql) => {
        const issued = [
          sql.$executeRawUnsafe('INSERT INTO test_probe (n) VALUES (1)'),
          sql.$executeRawUnsafe('INSERT INTO test_probe (n) VALUES (NULL)'),
          sql.$executeRawUnsafe('INSERT INTO test_probe (n) VALUES (3)'),
        ];
        const settled = await Promise.allSettled(issued);
        expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
        const [, second, third] = settled as PromiseRejectedResult[];
        expect(third!.reason).toBe(second!.reason);
        expect((second!.reason as { code: string }).code).toBe('23502');
        return 'caught';
      });
      await expect(outcome).rejects.toMatchObject({ code: '23502' });
      expect(await probe()).toEqual([]);
    });

    it('refuses a statement issued after its transaction ended rather than run it outside', async () => {
      let leaked: Parameters<Parameters<typeof pgTransaction>[2]>[0] | undefined;
      await pgTransaction(pool, options, async (sql) => {
        leaked = sql;
        await sql.$executeRawUnsafe('INSERT INTO test_probe (n) VALUES (1)');
      });
      await expect(leaked!.$executeRawUnsafe('INSERT INTO test_probe (n) VALUES (2)')).rejects.toThrow(/after its transaction ended/);
      expect(await probe()).toEqual([1]);
    });
  });
});
