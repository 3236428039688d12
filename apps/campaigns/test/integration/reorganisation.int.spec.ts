import { randomUUID } from 'node:crypto';
import { type DirectoryAttributes, type UnitState } from '@antt/unit-directory';
import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CAMPAIGN, CLOSE_CAMPAIGN, CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNIT, REGISTER_UNITS, SET_DEADLINE, SUMMARY, WITHDRAW } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

const NONE: DirectoryAttributes = { enterpriseSize: null, schoolLevel: null, armedForces: null, residentHouseholds: null, staffCount: null };
const CAMPAIGNS = `query($year: Int) { campaigns(year: $year) { id scopeUnitId } }`;

/**
 * The 2025 reform in campaigns, on lineage kept in the unit directory: Thái Bình merged WHOLE into Hưng Yên on 2025-07-01.
 * Hưng Yên's staff read Thái Bình's 2024 campaigns and registrations (reads inherit an absorbed unit's past; writes never),
 * and a running 2025 campaign scoped to Thái Bình follows its scope to Hưng Yên from the merge's effective date.
 */
describe('campaigns across a reorganisation (lineage)', () => {
  let h: CampaignsHarness;
  const { id, states } = seedTree();
  const hy = { province: randomUUID(), commune: randomUUID(), village: randomUUID() };
  const tbPolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const hyPolice = as('pv05@hy', 'STEERING_OFFICER', hy.province);
  let campaign2024 = '';
  let campaign2025 = '';

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<CampaignsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };
  const version = (validFrom: string, validTo: string | null, name: string, parentId: string | null) => ({ validFrom, validTo, name, parentId, managingUnitId: null, attributes: NONE });
  const hyUnits: UnitState[] = [
    { unitId: hy.province, code: 'HY', kind: 'PROVINCE', revision: 1, dissolvedOn: null, timeline: [version('2019-01-01', null, 'Tỉnh Hưng Yên', null)] },
    { unitId: hy.commune, code: 'HY-TH', kind: 'COMMUNE', revision: 1, dissolvedOn: null, timeline: [version('2019-01-01', null, 'Xã Tân Hưng', hy.province)] },
    { unitId: hy.village, code: 'HY-TH-01', kind: 'RESIDENTIAL_AREA', revision: 1, dissolvedOn: null, timeline: [version('2019-01-01', null, 'Thôn Tân Hưng', hy.commune)] },
  ];
  /** What org-units publishes for the reform: Thái Bình merged (its lineage), its units handed over to Hưng Yên. */
  const reform: UnitState[] = [
    {
      unitId: id.tb,
      code: 'TB',
      kind: 'PROVINCE',
      revision: 2,
      dissolvedOn: '2025-07-01',
      effectiveDate: '2025-07-01',
      change: { intoUnitId: hy.province },
      timeline: [version('2019-01-01', '2025-07-01', 'Tỉnh Thái Bình', null)],
    },
    { unitId: id.vh, code: 'TB-VT-VH', kind: 'COMMUNE', revision: 3, dissolvedOn: null, timeline: [version('2019-01-01', '2025-07-01', 'Xã Vũ Hội', id.vt), version('2025-07-01', null, 'Xã Vũ Hội', hy.province)] },
    { unitId: id.kx, code: 'TB-KX', kind: 'DISTRICT', revision: 2, dissolvedOn: '2025-07-01', timeline: [version('2019-01-01', '2025-07-01', 'Huyện Kiến Xương', id.tb)] },
    { unitId: id.kxA, code: 'TB-KX-QB', kind: 'COMMUNE', revision: 2, dissolvedOn: null, timeline: [version('2019-01-01', '2025-07-01', 'Xã Quang Bình', id.kx), version('2025-07-01', null, 'Xã Quang Bình', hy.province)] },
  ];

  beforeAll(async () => {
    h = await startHarness('2024-01-03');
    await h.project([...states, ...hyUnits]);
  });
  afterAll(async () => h?.close());

  it('Thái Bình runs its 2024 campaign and a 2025 one; Hưng Yên sees neither before the merge is known', async () => {
    const input = (year: number) => ({ title: `Phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm ${year}`, legalBases: ['Quyết định 2447/QĐ-TTg'], ownerUnitId: id.tb, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
    campaign2024 = (await ok(CREATE_CAMPAIGN, { input: input(2024) }, tbPolice)).createCampaign.id;
    await ok(LAUNCH_CAMPAIGN, { id: campaign2024 }, tbPolice);
    h.setToday('2024-01-10');
    await ok(REGISTER_UNITS, { input: { campaignId: campaign2024, units: [{ unitId: id.vh1, forSafeStandard: true, forClassification: true }, { unitId: id.vh, forSafeStandard: true, forClassification: true }] } }, tbPolice);

    h.setToday('2025-01-03');
    campaign2025 = (await ok(CREATE_CAMPAIGN, { input: input(2025) }, tbPolice)).createCampaign.id;
    await ok(LAUNCH_CAMPAIGN, { id: campaign2025 }, tbPolice);

    expect((await ok(CAMPAIGN, { id: campaign2024 }, hyPolice)).campaign).toBeNull();
    expect((await ok(CAMPAIGN, { id: campaign2025 }, hyPolice)).campaign).toBeNull();
  });

  it('after the merge, Hưng Yên reads the 2024 Thái Bình campaign, its consolidation and its registrations on the 2024 tree', async () => {
    await h.project(reform);
    expect(await h.prisma.directoryUnitLineage.findMany({ select: { fromUnitId: true, toUnitId: true, share: true, event: true } })).toEqual([
      { fromUnitId: id.tb, toUnitId: hy.province, share: 'WHOLE', event: 'MERGE' },
    ]);
    h.setToday('2025-08-01');
    expect((await ok(CAMPAIGN, { id: campaign2024 }, hyPolice)).campaign).toMatchObject({ id: campaign2024, scopeUnitId: id.tb });
    expect((await ok(CAMPAIGNS, { year: 2024 }, hyPolice)).campaigns).toEqual([{ id: campaign2024, scopeUnitId: id.tb }]);
    const summary = (await ok(SUMMARY, { id: campaign2024 }, hyPolice)).campaign.registrationSummary;
    expect(summary).toMatchObject({ unitId: id.tb, asOf: '2024-12-31', registered: 2 });
    const rows = new Map(summary.rows.map((row: Data) => [row.unitId, row]));
    expect((rows.get(id.vh1) as Data).unit.registration).toMatchObject({ campaignId: campaign2024 });
    expect((rows.get(id.vh) as Data).state).toBe('REGISTERED');
    // A Hưng Yên commune's own past is not Thái Bình's: it lies outside the 2024 campaign.
    expect(rows.has(hy.village)).toBe(false);
  });

  it('but Hưng Yên cannot write them: managing the campaign or withdrawing a registration is answered as absent', async () => {
    const close = await h.request(CLOSE_CAMPAIGN, { id: campaign2024, reason: 'Kết thúc năm 2024' }, hyPolice);
    expect(close.errors?.[0]?.extensions).toMatchObject({ reason: 'CAMPAIGN_NOT_FOUND' });
    const deadline = await h.request(SET_DEADLINE, { input: { campaignId: campaign2024, code: 'REGISTRATION', dueOn: '2024-01-12' } }, hyPolice);
    expect(deadline.errors?.[0]?.extensions).toMatchObject({ reason: 'CAMPAIGN_NOT_FOUND' });
    const withdraw = await h.request(WITHDRAW, { input: { campaignId: campaign2024, unitId: id.vh1, reason: 'Thử rút' } }, hyPolice);
    expect(withdraw.errors?.[0]?.extensions).toMatchObject({ reason: 'CAMPAIGN_NOT_FOUND' });
    const registrations = await h.prisma.registration.findMany({ where: { campaignId: campaign2024 } });
    expect(registrations.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
    expect((await h.prisma.campaign.findUniqueOrThrow({ where: { id: campaign2024 } })).status).toBe('LAUNCHED');
  });

  it('the running 2025 campaign scoped to Thái Bình follows it to Hưng Yên from 2025-07-01, not before', async () => {
    h.setToday('2025-06-30');
    const before = (await ok(SUMMARY, { id: campaign2025 }, tbPolice)).campaign.registrationSummary;
    expect(before.unitId).toBe(id.tb);
    expect(before.rows.map((row: Data) => row.unitId)).not.toContain(hy.village);
    const outsideBefore = await h.request(REGISTER_UNIT, { input: { campaignId: campaign2025, unitId: hy.village, forSafeStandard: true, forClassification: true } }, hyPolice);
    expect(outsideBefore.errors?.[0]?.extensions).toMatchObject({ reason: 'CAMPAIGN_NOT_FOUND' });

    h.setToday('2025-08-01');
    const after = (await ok(SUMMARY, { id: campaign2025 }, hyPolice)).campaign.registrationSummary;
    expect(after.unitId).toBe(hy.province);
    const units = after.rows.map((row: Data) => row.unitId);
    expect(units).toEqual(expect.arrayContaining([hy.commune, hy.village, id.vh, id.vh1]));
    const registered = await ok(REGISTER_UNIT, { input: { campaignId: campaign2025, unitId: hy.village, forSafeStandard: true, forClassification: true } }, hyPolice);
    expect(registered.registerUnit).toMatchObject({ unitId: hy.village, campaignId: campaign2025, registeredOn: '2025-08-01', status: 'SUBMITTED' });
    expect((await ok(CAMPAIGN, { id: campaign2025 }, as('ca@tanhung', 'UNIT_OFFICER', hy.village))).campaign).toMatchObject({ id: campaign2025 });
  });

  it('scopeUnitOn names the followed scope: Thái Bình up to 2025-06-30, Hưng Yên from 2025-07-01; the 2024 campaign keeps Thái Bình', async () => {
    h.setToday('2025-08-01');
    const SCOPE_ON = `query ($id: ID!, $on: Date) { campaign(id: $id) { scopeUnitId scopeUnitOn(on: $on) { id } } }`;
    const on = async (campaignId: string, date: string | null) => (await ok(SCOPE_ON, { id: campaignId, on: date }, hyPolice)).campaign;
    expect(await on(campaign2025, '2025-06-30')).toEqual({ scopeUnitId: id.tb, scopeUnitOn: { id: id.tb } });
    expect(await on(campaign2025, '2025-07-01')).toEqual({ scopeUnitId: id.tb, scopeUnitOn: { id: hy.province } });
    expect(await on(campaign2025, null)).toEqual({ scopeUnitId: id.tb, scopeUnitOn: { id: hy.province } });
    // A date after the 2024 period is clamped into it: the closed year keeps its own scope.
    expect(await on(campaign2024, '2025-08-01')).toEqual({ scopeUnitId: id.tb, scopeUnitOn: { id: id.tb } });
    const bad = await h.request(SCOPE_ON, { id: campaign2025, on: '2025-02-30' }, hyPolice);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
