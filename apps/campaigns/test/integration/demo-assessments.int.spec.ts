import { createIsolatedTopics, type IsolatedTopics, uniqueName } from '@antt/testing';
import { publishDemoAssessments } from '../../src/demo/demo-assessments';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNITS } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/**
 * The demo step standing in for the assessments service: its 2024 decisions go through the contracts and the campaigns outbox,
 * the relay publishes them on the (isolated) assessments topic and the attainment consumer applies them through Kafka.
 */
describe('demo assessments through the outbox, the relay and the attainment consumer', () => {
  let h: CampaignsHarness;
  let topics: IsolatedTopics;
  const { id, states } = seedTree();
  const police = as('pv05@tb', 'STEERING_OFFICER', id.tb);

  beforeAll(async () => {
    topics = await createIsolatedTopics();
    h = await startHarness('2024-01-03', {
      OUTBOX_RELAY_ENABLED: 'true',
      ATTAINMENT_CONSUMER_ENABLED: 'true',
      ATTAINMENT_GROUP_ID: uniqueName('demo-attainment-'),
      KAFKA_TOPIC_PREFIX: topics.prefix,
    });
    await h.project(states);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await topics?.drop();
  });

  it('publishes the 2024 decisions once and attainment answers them', async () => {
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const response = await h.request<Data>(query, variables, police);
      expect(response.errors).toBeUndefined();
      return response.data as Data;
    };
    const campaign = (await ok(CREATE_CAMPAIGN, { input: { title: 'Kế hoạch năm 2024', legalBases: ['Thông tư 124/2021/TT-BCA'], ownerUnitId: id.tb, periodStart: '2024-01-01', periodEnd: '2024-12-31' } }))
      .createCampaign.id as string;
    h.setToday('2024-01-05');
    await ok(LAUNCH_CAMPAIGN, { id: campaign });
    const units = [id.vh, id.vv, id.kxA, id.vh1, id.vh2, id.vh3, id.vv1, id.kxA1, id.school].map((unitId) => ({ unitId, forSafeStandard: true, forClassification: true }));
    await ok(REGISTER_UNITS, { input: { campaignId: campaign, units } });

    const published = await publishDemoAssessments(h.prisma, 'TB');
    expect(published.classifications).toBe(9);
    expect(published.recognitions).toBeGreaterThan(0);
    expect(await publishDemoAssessments(h.prisma, 'TB')).toEqual({ recognitions: 0, classifications: 0 });
    const outbox = await h.prisma.outboxEvent.findMany({ where: { topic: 'assessments.assessment' } });
    expect(outbox).toHaveLength(published.recognitions + published.classifications);
    expect(outbox.every((row) => (row.envelope as Data).source === 'urn:antt:assessments-demo')).toBe(true);

    const deadline = Date.now() + 60_000;
    while ((await h.prisma.unitClassification.count()) < 9 || (await h.prisma.unitRecognition.count()) < published.recognitions) {
      if (Date.now() > deadline) throw new Error('the demo decisions never reached the attainment read model');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    h.setToday('2024-12-31');
    const read = await ok(`query($id: ID!) { campaign(id: $id) { attainment { asOf targets { code numerator denominator } } } }`, { id: campaign });
    const good = read.campaign.attainment.targets.find((t: Data) => t.code === 'GOOD');
    const classified = await h.prisma.unitClassification.count({ where: { classification: { in: ['EXCELLENT', 'GOOD'] } } });
    expect(read.campaign.attainment.asOf).toBe('2024-12-31');
    expect(good).toEqual({ code: 'GOOD', numerator: classified, denominator: 10 });
    const safe = read.campaign.attainment.targets.find((t: Data) => t.code === 'SAFE_STANDARD_RESIDENTIAL');
    const recognised = await h.prisma.unitRecognition.count({ where: { status: 'RECOGNISED', unitKind: { in: ['COMMUNE', 'RESIDENTIAL_AREA'] } } });
    expect(safe).toEqual({ code: 'SAFE_STANDARD_RESIDENTIAL', numerator: recognised, denominator: 8 });
  });
});
