import { randomUUID } from 'node:crypto';
import { type EventContract, RegistrationWithdrawnV1 } from '@antt/contracts';
import { type AwardsHarness, as } from '../support/awards-harness';
import { COMPLETE_DOSSIER, CREATE, ENTITIES, SET_SCHEME, SUBMIT } from '../support/operations';
import { waitForCount, type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { seedTree } from '../support/seed-tree';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

/**
 * `REGISTERED` across a campaign family (issue 9): campaigns launches Vũ Thư's and Kiến Xương's campaigns under the province's,
 * and a commune's under Vũ Thư's; communes register in those child campaigns, never in the province's. A provincial scheme's
 * "registered in the campaign" must read them, on the evaluation date (a withdrawal before it no longer counts), and must not
 * read a registration in another province's campaign. The children's events are published before their parents'.
 */
describe('awards: REGISTERED reads the registrations of the campaign and of every campaign launched under it', () => {
  const { id, commune, states } = seedTree(4);
  const [inDistrict, withdrawn, inGrandchild, elsewhere] = commune as [string, string, string, string];
  const police = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuThu = as('bcd138@vt', 'LEVEL_OFFICER', id.vt);
  const campaign = { province: randomUUID(), vuThu: randomUUID(), kienXuong: randomUUID(), commune: randomUUID(), otherProvince: randomUUID() };
  const registration = { inDistrict: randomUUID(), withdrawn: randomUUID(), inGrandchild: randomUUID(), elsewhere: randomUUID(), quangBinh: randomUUID() };
  const REGISTERED = { name: 'registered in the campaign', fact: 'REGISTERED', op: 'EQ', value: 'true' };
  const NOT_REGISTERED = [{ name: 'registered in the campaign', fact: 'REGISTERED', actual: 'false' }];
  let h: AwardsHarness;
  let feed: FactFedHarness;

  const ok = async (query: string, variables: Record<string, unknown>, caller = police) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const publish = (contract: EventContract, key: string, data: Record<string, unknown>) => feed.publish(contract, key, data);
  const launch = (campaignId: string, parentCampaignId: string | null, ownerUnitId: string, title: string) => feed.launchCampaign(campaignId, ownerUnitId, { parentCampaignId, title });
  const register = (registrationId: string, campaignId: string, unitId: string) =>
    feed.registerCommune(campaignId, unitId, unitId, registrationId);
  /** Each unit's eligibility for the scheme of `campaignId` on the harness's today, as the provincial police reads it. */
  const eligibility = async (campaignId: string, unitIds: readonly string[]) => {
    const response = await h.requestSubgraph<Data>(ENTITIES, { campaignId, reps: unitIds.map((unitId) => ({ __typename: 'Unit', id: unitId })) }, police);
    expect(response.errors).toBeUndefined();
    return new Map<string, Data>(response.data._entities.map((unit: Data) => [unit.id, unit.eligibility.map((form: Data) => ({ eligible: form.eligible, failed: form.failed }))]));
  };

  beforeAll(async () => {
    feed = await startFactFedHarness('2024-12-01');
    h = feed.harness;
    await h.project(states);
    // Registrations and children first: the family must be right whatever order the facts arrive in.
    await register(registration.inGrandchild, campaign.commune, inGrandchild);
    await register(registration.inDistrict, campaign.vuThu, inDistrict);
    await register(registration.withdrawn, campaign.vuThu, withdrawn);
    await register(registration.quangBinh, campaign.kienXuong, id.qb);
    await register(registration.elsewhere, campaign.otherProvince, elsewhere);
    await publish(RegistrationWithdrawnV1, registration.withdrawn, {
      registrationId: registration.withdrawn,
      campaignId: campaign.vuThu,
      unitId: withdrawn,
      unitKind: 'COMMUNE',
      withdrawnOn: '2024-06-01',
      reason: 'Đăng ký nhầm đơn vị',
    });
    await launch(campaign.commune, campaign.vuThu, inGrandchild, 'Kế hoạch phong trào toàn dân bảo vệ ANTQ xã năm 2024');
    await launch(campaign.vuThu, campaign.province, id.vt, 'Kế hoạch phong trào toàn dân bảo vệ ANTQ huyện Vũ Thư năm 2024');
    await launch(campaign.kienXuong, campaign.province, id.kx, 'Kế hoạch phong trào toàn dân bảo vệ ANTQ huyện Kiến Xương năm 2024');
    await launch(campaign.otherProvince, null, randomUUID(), 'Kế hoạch phong trào toàn dân bảo vệ ANTQ tỉnh Nam Định năm 2024');
    await launch(campaign.province, null, id.tb, 'Kế hoạch phong trào toàn dân bảo vệ ANTQ tỉnh Thái Bình năm 2024');
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM campaign_fact', 5);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM registration_fact', 5);
    await waitForCount(h.prisma, 'SELECT count(*) AS n FROM registration_fact WHERE withdrawn_on IS NOT NULL', 1);
    const rule = (campaignId: string) => ({ input: { campaignId, forms: [{ formCode: 'CERTIFICATE_OF_MERIT', quota: 15, collectiveConditions: [REGISTERED] }] } });
    await ok(SET_SCHEME, rule(campaign.province));
    await ok(SET_SCHEME, rule(campaign.vuThu));
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  it('keeps each campaign’s parent from its events', async () => {
    const rows = await h.prisma.campaignFact.findMany({ select: { campaignId: true, parentCampaignId: true } });
    expect(new Map(rows.map((row) => [row.campaignId, row.parentCampaignId]))).toEqual(
      new Map([
        [campaign.province, null],
        [campaign.vuThu, campaign.province],
        [campaign.kienXuong, campaign.province],
        [campaign.commune, campaign.vuThu],
        [campaign.otherProvince, null],
      ]),
    );
  });

  it('counts a registration in a district’s campaign or deeper for the provincial scheme, not one in another province’s', async () => {
    const facts = await eligibility(campaign.province, [inDistrict, inGrandchild, id.qb, elsewhere, withdrawn]);
    expect(facts.get(inDistrict)).toEqual([{ eligible: true, failed: [] }]);
    expect(facts.get(inGrandchild)).toEqual([{ eligible: true, failed: [] }]);
    expect(facts.get(id.qb)).toEqual([{ eligible: true, failed: [] }]);
    expect(facts.get(elsewhere)).toEqual([{ eligible: false, failed: NOT_REGISTERED }]);
    expect(facts.get(withdrawn)).toEqual([{ eligible: false, failed: NOT_REGISTERED }]);
  });

  it('reads a district’s family downwards only: its commune’s campaign counts, a sibling district’s does not', async () => {
    const facts = await eligibility(campaign.vuThu, [inGrandchild, id.qb]);
    expect(facts.get(inGrandchild)).toEqual([{ eligible: true, failed: [] }]);
    expect(facts.get(id.qb)).toEqual([{ eligible: false, failed: NOT_REGISTERED }]);
  });

  it('counts a withdrawn registration only before its withdrawal', async () => {
    h.setToday('2024-05-31');
    try {
      expect((await eligibility(campaign.province, [withdrawn])).get(withdrawn)).toEqual([{ eligible: true, failed: [] }]);
      h.setToday('2024-06-01');
      expect((await eligibility(campaign.province, [withdrawn])).get(withdrawn)).toEqual([{ eligible: false, failed: NOT_REGISTERED }]);
    } finally {
      h.setToday('2024-12-01');
    }
  });

  it('stores the eligibility of submitted nominations for the provincial certificate on the same facts', async () => {
    const submit = async (unitId: string) => {
      const created = await ok(
        CREATE,
        { input: { campaignId: campaign.province, formCode: 'CERTIFICATE_OF_MERIT', unitId, legalGround: 'LTDKT2022-D76', achievement: 'Hoàn thành xuất sắc phong trào năm 2024', dossier: COMPLETE_DOSSIER } },
        vuThu,
      );
      return (await ok(SUBMIT, { id: created.createNomination.id }, vuThu)).submitNomination.eligibility;
    };
    expect(await submit(inDistrict)).toEqual({ eligible: true, stage: 'SUBMISSION', failed: [] });
    expect(await submit(elsewhere)).toEqual({ eligible: false, stage: 'SUBMISSION', failed: NOT_REGISTERED });
    expect(await submit(withdrawn)).toEqual({ eligible: false, stage: 'SUBMISSION', failed: NOT_REGISTERED });
  });
});
