import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type CampaignsHarness, as, startHarness, tableCounts } from '../support/campaigns-harness';
import { CAMPAIGN, CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNIT, REGISTER_UNITS, SET_DEADLINE, SUMMARY } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** Refusals through the gateway: each a stable code naming the field, nothing written; refusals outside look like absence. */
describe('campaigns: bad input and authorization', () => {
  let h: CampaignsHarness;
  const { id, states } = seedTree();
  const provincePolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuThu = as('bcd138@vt', 'LEVEL_OFFICER', id.vt);
  const kienXuong = as('bcd138@kx', 'LEVEL_OFFICER', id.kx);
  const vuHoi = as('ca@vh', 'LEVEL_OFFICER', id.vh);
  const school = as('hieutruong@thpt', 'UNIT_OFFICER', id.school);
  const ministry = as('v05@bca', 'EXTERNAL_READER', id.tb);
  let province = '';
  let district = '';

  const data = async (query: string, variables: Record<string, unknown>, caller: Identity) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };

  /** Sends the request, expects one refusal with these extensions, and checks that nothing was written. */
  const refused = async (query: string, variables: Record<string, unknown>, caller: Identity | null, extensions: Record<string, unknown>) => {
    const before = await tableCounts(h.prisma);
    const response = await h.request(query, variables, caller);
    expect(response.errors?.[0]?.extensions).toMatchObject(extensions);
    expect(await tableCounts(h.prisma)).toEqual(before);
    return response.errors?.[0]?.extensions ?? {};
  };

  const registration = (unitId: string, extra: Record<string, unknown> = {}) => ({
    input: { campaignId: district, unitId, forSafeStandard: true, forClassification: true, ...extra },
  });

  beforeAll(async () => {
    h = await startHarness('2024-01-05');
    await h.project(states);
    const input = { title: 'Kế hoạch 2024', legalBases: [], ownerUnitId: id.tb, periodStart: '2024-01-01', periodEnd: '2024-12-31' };
    province = (await data(CREATE_CAMPAIGN, { input }, provincePolice)).createCampaign.id;
    await data(LAUNCH_CAMPAIGN, { id: province }, provincePolice);
    district = (await data(CREATE_CAMPAIGN, { input: { ...input, title: 'Kế hoạch Vũ Thư 2024', ownerUnitId: id.vt, parentCampaignId: province } }, vuThu)).createCampaign.id;
    await data(LAUNCH_CAMPAIGN, { id: district }, vuThu);
    await data(REGISTER_UNIT, registration(id.vh1), vuHoi);
  });
  afterAll(async () => h?.close());

  describe('bad input', () => {
    it('an unknown unit', async () => {
      await refused(REGISTER_UNIT, registration(randomUUID()), vuHoi, { code: 'NOT_FOUND', reason: 'REGISTRATION_UNIT_NOT_FOUND', field: 'unitId' });
    });

    it('a unit outside Circular 124 registering for the safe standard names the reason (R1); for classification alone it may', async () => {
      const ext = await refused(REGISTER_UNIT, registration(id.smallEnterprise), vuHoi, { code: 'BAD_USER_INPUT', reason: 'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE', field: 'unitId' });
      expect(ext.exclusion).toBe('SMALL_OR_MICRO_ENTERPRISE');
    });

    it('a kind that does not register, a unit outside the campaign, nothing registered for', async () => {
      await refused(REGISTER_UNIT, registration(id.vt), provincePolice, { code: 'BAD_USER_INPUT', reason: 'REGISTRATION_KIND_NOT_ALLOWED' });
      await refused(REGISTER_UNIT, registration(id.kxA1), provincePolice, { code: 'BAD_USER_INPUT', reason: 'REGISTRATION_UNIT_OUTSIDE_CAMPAIGN' });
      await refused(REGISTER_UNIT, registration(id.vh2, { forSafeStandard: false, forClassification: false }), vuHoi, { reason: 'REGISTRATION_NOTHING_REGISTERED' });
    });

    it('a duplicate registration, also through the parent campaign of the same family', async () => {
      await refused(REGISTER_UNIT, registration(id.vh1), vuHoi, { code: 'CONFLICT', reason: 'REGISTRATION_EXISTS' });
      await refused(REGISTER_UNIT, { input: { ...registration(id.vh1).input, campaignId: province } }, provincePolice, { code: 'CONFLICT', reason: 'REGISTRATION_EXISTS' });
    });

    it('two registrations of one unit racing, in the district campaign and in the province one: one wins, one event', async () => {
      const [a, b] = await Promise.all([
        h.request<Data>(REGISTER_UNIT, registration(id.vh3), vuHoi),
        h.request<Data>(REGISTER_UNIT, { input: { ...registration(id.vh3).input, campaignId: province } }, provincePolice),
      ]);
      const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.reason : 'OK')).sort();
      expect(outcomes).toEqual(['OK', 'REGISTRATION_EXISTS']);
      expect(await h.prisma.registration.count({ where: { unitId: id.vh3 } })).toBe(1);
      expect(await h.prisma.outboxEvent.count({ where: { type: 'campaigns.registration.submitted.v1', envelope: { path: ['data', 'unitId'], equals: id.vh3 } } })).toBe(1);
    });

    it('two child campaigns of one district racing: one is created, the other is refused', async () => {
      const input = { title: 'Kế hoạch Kiến Xương 2024', legalBases: [], ownerUnitId: id.kx, parentCampaignId: province, periodStart: '2024-01-01', periodEnd: '2024-12-31' };
      const results = await Promise.all([0, 1].map(() => h.request<Data>(CREATE_CAMPAIGN, { input }, kienXuong)));
      expect(results.map((r) => (r.errors ? r.errors[0]?.extensions?.reason : 'OK')).sort()).toEqual(['CAMPAIGN_EXISTS', 'OK']);
    });

    it('a date outside the period, in the future, or not a date', async () => {
      await refused(REGISTER_UNIT, registration(id.vh2, { registeredOn: '2023-12-31' }), vuHoi, { code: 'BAD_USER_INPUT', reason: 'REGISTRATION_DATE_OUTSIDE_PERIOD', field: 'registeredOn' });
      await refused(REGISTER_UNIT, registration(id.vh2, { registeredOn: '2024-02-01' }), vuHoi, { reason: 'REGISTRATION_DATE_IN_FUTURE' });
      await refused(REGISTER_UNIT, registration(id.vh2, { registeredOn: '2024-02-30' }), vuHoi, { reason: 'INVALID_DATE', field: 'registeredOn' });
      await refused(SET_DEADLINE, { input: { campaignId: province, code: 'REGISTRATION', dueOn: '2025-01-15' } }, provincePolice, { code: 'CONFLICT', reason: 'CAMPAIGN_NOT_DRAFT' });
    });

    it('a child campaign outside its parent period, a campaign period over a year, a top campaign below the province', async () => {
      const input = { title: 'Kế hoạch', legalBases: [], ownerUnitId: id.kx, parentCampaignId: province, periodStart: '2024-01-01', periodEnd: '2025-01-31' };
      await refused(CREATE_CAMPAIGN, { input: { ...input, periodStart: '2024-02-01' } }, kienXuong, { code: 'BAD_USER_INPUT', reason: 'CAMPAIGN_PERIOD_OUTSIDE_PARENT', field: 'periodEnd' });
      await refused(CREATE_CAMPAIGN, { input: { ...input, periodEnd: '2025-03-01' } }, kienXuong, { reason: 'CAMPAIGN_INVALID_PERIOD', field: 'periodEnd' });
      await refused(CREATE_CAMPAIGN, { input: { ...input, parentCampaignId: null, periodEnd: '2024-12-31' } }, kienXuong, { reason: 'CAMPAIGN_PARENT_REQUIRED' });
      await refused(CREATE_CAMPAIGN, { input: { ...input, ownerUnitId: 'not-an-id' } }, kienXuong, { reason: 'INVALID_ID', field: 'ownerUnitId' });
      await refused(CREATE_CAMPAIGN, { input: { ...input, title: ' ', periodEnd: '2024-12-31' } }, kienXuong, { reason: 'INVALID_TEXT', field: 'title' });
    });

    it('a bulk registration over 1,000 units or naming a unit twice, and one bad unit in a bulk writes none', async () => {
      const many = Array.from({ length: 1001 }, () => ({ unitId: randomUUID(), forSafeStandard: true, forClassification: true }));
      await refused(REGISTER_UNITS, { input: { campaignId: district, units: many } }, vuThu, { reason: 'REGISTRATION_TOO_MANY', field: 'units' });
      const twice = [id.vh2, id.vh2].map((unitId) => ({ unitId, forSafeStandard: true, forClassification: true }));
      await refused(REGISTER_UNITS, { input: { campaignId: district, units: twice } }, vuThu, { reason: 'REGISTRATION_DUPLICATE_UNIT', field: 'units[1].unitId' });
      const oneBad = [id.vh2, id.smallEnterprise].map((unitId) => ({ unitId, forSafeStandard: true, forClassification: true }));
      await refused(REGISTER_UNITS, { input: { campaignId: district, units: oneBad } }, vuThu, { reason: 'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE', field: 'units[1].unitId' });
    });
  });

  describe('authorization', () => {
    it('another district sees neither the campaign nor its units: answered exactly as absent', async () => {
      expect((await data(CAMPAIGN, { id: district }, kienXuong)).campaign).toBeNull();
      const absent = await h.request(LAUNCH_CAMPAIGN, { id: randomUUID() }, kienXuong);
      const hidden = await h.request(LAUNCH_CAMPAIGN, { id: district }, kienXuong);
      expect(hidden.errors?.[0]?.extensions?.reason).toBe(absent.errors?.[0]?.extensions?.reason);
      expect(hidden.errors?.[0]?.extensions?.reason).toBe('CAMPAIGN_NOT_FOUND');
      const unknownUnit = await h.request(REGISTER_UNIT, { input: { ...registration(randomUUID()).input, campaignId: province } }, kienXuong);
      const otherDistrictsUnit = await h.request(REGISTER_UNIT, { input: { ...registration(id.vh2).input, campaignId: province } }, kienXuong);
      expect(otherDistrictsUnit.errors?.[0]?.extensions?.reason).toBe('REGISTRATION_UNIT_NOT_FOUND');
      expect(otherDistrictsUnit.errors?.[0]?.extensions?.code).toBe(unknownUnit.errors?.[0]?.extensions?.code);
      await refused(SUMMARY, { id: province, unitId: id.vt }, kienXuong, { code: 'NOT_FOUND', reason: 'REGISTRATION_UNIT_NOT_FOUND' });
    });

    it('Campaign and Unit resolve as entities for other subgraphs, a campaign outside the jurisdiction as null', async () => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Campaign { id status } ... on Unit { id registration(campaignId: "${district}") { unitId late } } } }`;
      const representations = [
        { __typename: 'Campaign', id: district },
        { __typename: 'Unit', id: id.vh1 },
      ];
      const inside = await h.requestSubgraph<Data>(query, { r: representations }, vuThu);
      expect(inside.data?._entities).toEqual([{ id: district, status: 'LAUNCHED' }, { id: id.vh1, registration: { unitId: id.vh1, late: false } }]);
      const outside = await h.requestSubgraph<Data>(query, { r: representations }, kienXuong);
      expect(outside.data?._entities).toEqual([null, { id: id.vh1, registration: null }]);
    });

    it('a commune takes part in the provincial campaign and sees it, but runs neither it nor the district one', async () => {
      expect((await data(CAMPAIGN, { id: province }, vuHoi)).campaign.id).toBe(province);
      await refused(SET_DEADLINE, { input: { campaignId: province, code: 'FESTIVAL_DAY', dueOn: '2024-08-18' } }, vuHoi, { code: 'FORBIDDEN', reason: 'OUTSIDE_JURISDICTION' });
    });

    it('a unit officer registers its own unit only; an external reader registers nothing', async () => {
      await refused(REGISTER_UNIT, registration(id.vh2), school, { code: 'NOT_FOUND', reason: 'REGISTRATION_UNIT_NOT_FOUND' });
      await refused(REGISTER_UNIT, registration(id.school), ministry, { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
      await refused(CREATE_CAMPAIGN, { input: { title: 'X', legalBases: [], ownerUnitId: id.vh, parentCampaignId: district, periodStart: '2024-01-01', periodEnd: '2024-12-31' } }, school, { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
      await refused(REGISTER_UNIT, registration(id.school), null, { code: 'UNAUTHENTICATED' });
    });

    it('a district cannot run a campaign reaching past its own abolition: checked on every date the campaign touches', async () => {
      h.setToday('2025-01-05');
      const input = { title: 'Kế hoạch 2025', legalBases: [], ownerUnitId: id.tb, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
      const province2025 = (await data(CREATE_CAMPAIGN, { input }, provincePolice)).createCampaign.id;
      await data(LAUNCH_CAMPAIGN, { id: province2025 }, provincePolice);
      const ext = await refused(CREATE_CAMPAIGN, { input: { ...input, ownerUnitId: id.vt, parentCampaignId: province2025 } }, vuThu, { code: 'FORBIDDEN', reason: 'OUTSIDE_JURISDICTION' });
      expect(ext.date).toBe('2025-07-01');
      const calendar = (await data(CAMPAIGN, { id: province2025 }, provincePolice)).campaign.calendar.map((d: Data) => d.code);
      expect(calendar).toContain('CLASSIFICATION_DISTRICT');
    });

    it('a 2026 campaign has no district step, and a running campaign follows the reform: Vũ Hội is the province\'s own commune from 2025-07-01', async () => {
      h.setToday('2025-08-01');
      const input = { title: 'Kế hoạch 2026', legalBases: [], ownerUnitId: id.tb, periodStart: '2026-01-01', periodEnd: '2026-12-31' };
      const calendar = (await data(CREATE_CAMPAIGN, { input }, provincePolice)).createCampaign.id;
      const codes = (await data(CAMPAIGN, { id: calendar }, provincePolice)).campaign.calendar.map((d: Data) => d.code);
      expect(codes).not.toContain('CLASSIFICATION_DISTRICT');
      const province2025 = (await data(`{ campaigns(year: 2025) { id } }`, {}, provincePolice)).campaigns[0].id;
      const summer = (await data(SUMMARY, { id: province2025, unitId: id.vh }, provincePolice)).campaign.registrationSummary;
      expect(summer.asOf).toBe('2025-08-01');
      expect(await h.request(SUMMARY, { id: province2025, unitId: id.vh }, vuThu)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    });
  });
});
