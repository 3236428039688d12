import { loadDemoModels } from '../../src/demo/load-demo';
import { type ModelsHarness, as, startHarness } from '../support/models-harness';
import { STATISTICS } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** The `npm start` demo loader on a small Thái Bình: it runs through the domain's commands and statistics answer with it. */
describe('models demo loader', () => {
  let h: ModelsHarness;
  const { id, states } = seedTree();

  beforeAll(async () => {
    h = await startHarness('2024-12-31');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('loads models, replicas, registers, trainings, reviews and examples once, and the province statistics count them', async () => {
    const outcome = await loadDemoModels(h.prisma, { earliest: '1990-01-01', latest: '2100-12-31' }, () => undefined);
    expect(outcome.loaded).toBe(true);
    expect(outcome.models).toBeGreaterThanOrEqual(2);
    expect(outcome.reviews).toBeGreaterThanOrEqual(outcome.models + outcome.replicas);
    expect(await h.prisma.outboxEvent.count({ where: { type: 'models.model.reviewed.v1' } })).toBe(outcome.reviews);
    expect((await loadDemoModels(h.prisma, { earliest: '1990-01-01', latest: '2100-12-31' }, () => undefined)).loaded).toBe(false);

    const province = as('pv05@tb', 'STEERING_OFFICER', id.tb);
    const response = await h.request<Data>(STATISTICS, { unitId: id.tb, asOf: '2024-11-30', year: 2024 }, province);
    expect(response.errors).toBeUndefined();
    const totals = response.data?.modelStatistics.totals as Data;
    expect(totals.modelRecords).toBe(outcome.models + outcome.replicas);
    expect(totals.sites).toBe(totals.modelRecords);
    expect(totals.teams).toBe(totals.modelRecords);
    expect(totals.effective + totals.lessEffective + totals.ineffective).toBe(totals.modelRecords);
    expect(totals.ineffective).toBe(outcome.ineffective);
  });
});
