import { fixedClock } from '@antt/service-kit';
import { createCampaignsDomain } from '../../src/domain/campaigns.module';
import { DEV_PLEDGE_KEYS } from '../../src/config';
import { createBulkSql } from '../../src/infrastructure/bulk-sql';
import { createPrismaClient } from '../../src/infrastructure/prisma-client';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNIT, SET_DEADLINE } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers

/** Deadline notices: once per family, deadline and unit, with several schedulers (replicas) running at once. */
describe('the deadline scheduler', () => {
  let h: CampaignsHarness;
  const { id, states } = seedTree();
  const provincePolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuThu = as('bcd138@vt', 'LEVEL_OFFICER', id.vt);
  const clients: Array<ReturnType<typeof createPrismaClient>> = [];

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<CampaignsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };

  /** Three replicas' schedulers on their own connections, run at the same moment on `today`. */
  const runReplicas = async (today: string) => {
    const runs = await Promise.all(
      [0, 1, 2].map(() => {
        const prisma = createPrismaClient(h.database.url, 3);
        clients.push(prisma);
        return createCampaignsDomain(prisma, fixedClock(today), { earliest: '2000-01-01', latest: '2100-12-31' }, 7, DEV_PLEDGE_KEYS, createBulkSql(h.database.url, 1)).scheduler.runOnce();
      }),
    );
    return runs.reduce((sum, run) => ({ approaching: sum.approaching + run.approaching, overdue: sum.overdue + run.overdue }), { approaching: 0, overdue: 0 });
  };

  const noticeEvents = async () => {
    const rows = await h.prisma.outboxEvent.findMany({ where: { aggregateType: 'UnitDeadline' } });
    return rows.map((row): Data => ({ type: row.type, ...((row.envelope as Data).data as Data) }));
  };

  beforeAll(async () => {
    h = await startHarness('2024-01-03');
    await h.project(states);
    const input = { title: 'Kế hoạch 2024', legalBases: [], ownerUnitId: id.tb, periodStart: '2024-01-01', periodEnd: '2024-12-31' };
    const province = (await ok(CREATE_CAMPAIGN, { input }, provincePolice)).createCampaign.id;
    await ok(LAUNCH_CAMPAIGN, { id: province }, provincePolice);
    const district = (await ok(CREATE_CAMPAIGN, { input: { ...input, ownerUnitId: id.vt, parentCampaignId: province } }, vuThu)).createCampaign.id;
    await ok(SET_DEADLINE, { input: { campaignId: district, code: 'REGISTRATION', dueOn: '2024-01-12' } }, vuThu);
    await ok(LAUNCH_CAMPAIGN, { id: district }, vuThu);
    h.setToday('2024-01-05');
    await ok(REGISTER_UNIT, { input: { campaignId: district, unitId: id.vh1, forSafeStandard: true, forClassification: true } }, vuThu);
  });
  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    await h?.close();
  });

  it('reminds the units of a district campaign of its stricter deadline once, whatever the number of replicas', async () => {
    expect(await runReplicas('2024-01-05')).toEqual({ approaching: 7, overdue: 0 });
    const events = await noticeEvents();
    expect(events).toHaveLength(7);
    expect(new Set(events.map((e) => e.unitId)).size).toBe(7);
    expect(events.map((e) => e.unitId)).not.toContain(id.vh1);
    expect(events.every((e) => e.type === 'campaigns.deadline.approaching.v1' && e.dueOn === '2024-01-12' && e.daysLeft === 7)).toBe(true);
    expect(await runReplicas('2024-01-06')).toEqual({ approaching: 0, overdue: 0 });
  });

  it('flags units still unregistered after the deadline as overdue, once, and reminds the other district of the province deadline', async () => {
    expect(await runReplicas('2024-01-13')).toEqual({ approaching: 2, overdue: 7 });
    const events = await noticeEvents();
    const overdue = events.filter((e) => e.type === 'campaigns.deadline.overdue.v1');
    expect(overdue).toHaveLength(7);
    expect(overdue.every((e) => e.daysOverdue === 1 && e.deadlineCode === 'REGISTRATION')).toBe(true);
    const approaching = events.filter((e) => e.type === 'campaigns.deadline.approaching.v1' && e.dueOn === '2024-01-15');
    expect(approaching.map((e) => e.unitId).sort()).toEqual([id.kxA, id.kxA1].sort());
    expect(await runReplicas('2024-01-14')).toEqual({ approaching: 0, overdue: 0 });
  });
});
