import { type CampaignsHarness, as, startHarness } from '../support/campaigns-harness';
import { CALENDAR_FOR, CAMPAIGN, CLOSE_CAMPAIGN, CREATE_CAMPAIGN, LAUNCH_CAMPAIGN, REGISTER_UNIT, REGISTER_UNITS, SET_DEADLINE, SET_TARGET, SUMMARY, WITHDRAW } from '../support/operations';
import { seedTree } from '../support/seed-tree';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, checked field by field

/** The 2024 year through the gateway: launch, child campaigns, registrations (one late), consolidation, withdrawal, close. */
describe('the 2024 campaign timeline', () => {
  let h: CampaignsHarness;
  const { id, states } = seedTree();
  const provincePolice = as('pv05@tb', 'STEERING_OFFICER', id.tb);
  const vuThu = as('bcd138@vt', 'LEVEL_OFFICER', id.vt);
  const vuHoi = as('ca@vh', 'LEVEL_OFFICER', id.vh);
  const school = as('hieutruong@thpt', 'UNIT_OFFICER', id.school);
  let provinceCampaign = '';
  let districtCampaign = '';

  const ok = async (query: string, variables: Record<string, unknown>, caller: Parameters<CampaignsHarness['request']>[2]) => {
    const response = await h.request<Data>(query, variables, caller);
    expect(response.errors).toBeUndefined();
    return response.data as Data;
  };

  beforeAll(async () => {
    h = await startHarness('2024-01-03');
    await h.project(states);
  });
  afterAll(async () => h?.close());

  it('the provincial police create the 2024 campaign with the calendar and targets of the plan, and launch it (audited, one event)', async () => {
    const created = await ok(CREATE_CAMPAIGN, {
      input: {
        title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
        legalBases: ['Quyết định 2447/QĐ-TTg', '  Thông tư 124/2021/TT-BCA '],
        ownerUnitId: id.tb,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      },
    }, provincePolice);
    provinceCampaign = created.createCampaign.id;
    expect(created.createCampaign).toMatchObject({ status: 'DRAFT', statusLabel: 'Dự thảo', scopeUnitId: id.tb, legalBases: ['Quyết định 2447/QĐ-TTg', 'Thông tư 124/2021/TT-BCA'] });

    h.setToday('2024-01-05');
    const launched = await ok(LAUNCH_CAMPAIGN, { id: provinceCampaign, reason: 'Hội nghị phát động' }, provincePolice);
    expect(launched.launchCampaign).toMatchObject({ status: 'LAUNCHED', statusLabel: 'Đã phát động', revision: 2 });

    const read = (await ok(CAMPAIGN, { id: provinceCampaign }, provincePolice)).campaign;
    expect(read.history).toEqual([
      { from: null, to: 'DRAFT', toLabel: 'Dự thảo', actor: 'pv05@tb', on: '2024-01-03', reason: null },
      { from: 'DRAFT', to: 'LAUNCHED', toLabel: 'Đã phát động', actor: 'pv05@tb', on: '2024-01-05', reason: 'Hội nghị phát động' },
    ]);
    expect(read.calendar.map((d: Data) => [d.code, d.dueOn])).toEqual([
      ['REGISTRATION', '2024-01-15'],
      ['Q1_RESOLUTION', '2024-03-31'],
      ['FESTIVAL_DAY', '2024-08-19'],
      ['EVALUATION_WINDOW_RESIDENTIAL', '2024-10-31'],
      ['EVALUATION_WINDOW_UNITS', '2024-11-15'],
      ['CLASSIFICATION_RESIDENTIAL', '2024-11-20'],
      ['CLASSIFICATION_UNITS', '2024-11-30'],
      ['CLASSIFICATION_DISTRICT', '2024-12-15'],
      ['STATISTICAL_REPORT', '2024-12-15'],
    ]);
    expect(read.calendar.every((d: Data) => d.overdue === false)).toBe(true);
    expect(read.targets.find((t: Data) => t.code === 'SAFE_STANDARD_INSTITUTIONS')).toMatchObject({ indicator: 'SAFE_STANDARD_RATE', comparator: 'GT', threshold: 80 });
    expect(read.targets.find((t: Data) => t.code === 'EXCELLENT')).toMatchObject({ comparator: 'GTE', threshold: 5 });
    expect(read.targets.find((t: Data) => t.code === 'NEW_RURAL_SECURITY')).toMatchObject({ unitKinds: ['COMMUNE'], threshold: 80 });
    const calendarForVillages = (await ok(CALENDAR_FOR, { id: provinceCampaign, kind: 'RESIDENTIAL_AREA' }, provincePolice)).campaign.calendar;
    expect(calendarForVillages.map((d: Data) => d.code)).toContain('CLASSIFICATION_RESIDENTIAL');
    expect(calendarForVillages.map((d: Data) => d.code)).not.toContain('CLASSIFICATION_UNITS');

    const outbox = await h.prisma.outboxEvent.findMany({ where: { aggregateId: provinceCampaign } });
    expect(outbox.map((row) => row.type)).toEqual(['campaigns.campaign.launched.v1']);
  });

  it('a district launches its child campaign, inheriting the calendar and targets, stricter where it says so', async () => {
    h.setToday('2024-01-06');
    const created = await ok(CREATE_CAMPAIGN, {
      input: { title: 'Kế hoạch phát động phong trào huyện Vũ Thư năm 2024', legalBases: ['Kế hoạch 12/KH-BCĐ138'], ownerUnitId: id.vt, parentCampaignId: provinceCampaign, periodStart: '2024-01-01', periodEnd: '2024-12-31' },
    }, vuThu);
    districtCampaign = created.createCampaign.id;
    expect(created.createCampaign.parentCampaignId).toBe(provinceCampaign);

    const looser = await h.request(SET_DEADLINE, { input: { campaignId: districtCampaign, code: 'REGISTRATION', dueOn: '2024-01-20' } }, vuThu);
    expect(looser.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CAMPAIGN_NOT_STRICTER', field: 'dueOn' });
    const lowerTarget = await h.request(SET_TARGET, {
      input: { campaignId: districtCampaign, code: 'SAFE_STANDARD_RESIDENTIAL', indicator: 'SAFE_STANDARD_RATE', unitKinds: ['RESIDENTIAL_AREA', 'COMMUNE'], levels: ['DISTRICT', 'COMMUNE'], comparator: 'GT', threshold: 70 },
    }, vuThu);
    expect(lowerTarget.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CAMPAIGN_NOT_STRICTER', field: 'threshold' });

    await ok(SET_DEADLINE, { input: { campaignId: districtCampaign, code: 'REGISTRATION', dueOn: '2024-01-12' } }, vuThu);
    await ok(SET_TARGET, {
      input: { campaignId: districtCampaign, code: 'SAFE_STANDARD_RESIDENTIAL', indicator: 'SAFE_STANDARD_RATE', unitKinds: ['RESIDENTIAL_AREA', 'COMMUNE'], levels: ['DISTRICT', 'COMMUNE'], comparator: 'GT', threshold: 85 },
    }, vuThu);
    await ok(LAUNCH_CAMPAIGN, { id: districtCampaign }, vuThu);

    const read = (await ok(CAMPAIGN, { id: districtCampaign }, vuThu)).campaign;
    expect(read.calendar.find((d: Data) => d.code === 'REGISTRATION')).toMatchObject({ dueOn: '2024-01-12', inherited: false });
    expect(read.calendar.find((d: Data) => d.code === 'FESTIVAL_DAY')).toMatchObject({ dueOn: '2024-08-19', inherited: true });
    expect(read.targets.find((t: Data) => t.code === 'SAFE_STANDARD_RESIDENTIAL')).toMatchObject({ threshold: 85, inherited: false });
    expect(read.targets.find((t: Data) => t.code === 'GOOD')).toMatchObject({ threshold: 50, inherited: true });
    expect((await ok(CAMPAIGN, { id: provinceCampaign }, provincePolice)).campaign.childCampaigns).toEqual([{ id: districtCampaign }]);
  });

  it('communes register their units in bulk, a school registers itself, one late registration is flagged', async () => {
    h.setToday('2024-01-10');
    const bulk = await ok(REGISTER_UNITS, {
      input: {
        campaignId: districtCampaign,
        units: [
          { unitId: id.vh1, forSafeStandard: true, forClassification: true },
          { unitId: id.vh2, forSafeStandard: true, forClassification: true },
          { unitId: id.smallEnterprise, forSafeStandard: false, forClassification: true },
        ],
      },
    }, vuHoi);
    expect(bulk.registerUnits.map((r: Data) => [r.unitId, r.late, r.submittedByUnitId, r.registeredOn])).toEqual([
      [id.vh1, false, id.vh, '2024-01-10'],
      [id.vh2, false, id.vh, '2024-01-10'],
      [id.smallEnterprise, false, id.vh, '2024-01-10'],
    ]);
    const own = await ok(REGISTER_UNIT, { input: { campaignId: districtCampaign, unitId: id.school, forSafeStandard: true, forClassification: true } }, school);
    expect(own.registerUnit).toMatchObject({ unitKind: 'SCHOOL', status: 'SUBMITTED', statusLabel: 'Đã đăng ký', submittedByUnitId: id.school });
    await ok(REGISTER_UNIT, { input: { campaignId: districtCampaign, unitId: id.vh, forSafeStandard: true, forClassification: true } }, vuThu);

    // Past the district's own deadline (12/01) though before the province's (15/01): late in the district campaign.
    h.setToday('2024-01-14');
    const late = await ok(REGISTER_UNIT, { input: { campaignId: districtCampaign, unitId: id.vh3, forSafeStandard: true, forClassification: true } }, vuHoi);
    expect(late.registerUnit).toMatchObject({ late: true, registeredOn: '2024-01-14' });

    const events = await h.prisma.outboxEvent.findMany({ where: { type: 'campaigns.registration.submitted.v1' } });
    expect(events).toHaveLength(6);
    const lateEvent = events.find((e) => e.aggregateId === late.registerUnit.id);
    expect((lateEvent?.envelope as Data).data).toMatchObject({ unitId: id.vh3, late: true, campaignId: districtCampaign });
  });

  it('consolidates upward on the 2024 tree: a commune sees its units, the district its communes, the province everything', async () => {
    h.setToday('2024-01-20');
    const commune = (await ok(SUMMARY, { id: districtCampaign }, vuHoi)).campaign.registrationSummary;
    expect(commune).toMatchObject({ unitId: id.vh, asOf: '2024-01-20', deadline: '2024-01-12', expected: 5, registered: 5, late: 1, missing: 0, percent: 100 });

    const district = (await ok(SUMMARY, { id: districtCampaign }, vuThu)).campaign.registrationSummary;
    expect(district).toMatchObject({ expected: 8, registered: 6, late: 1, missing: 2 });
    expect(district.byKind).toEqual([
      { kind: 'COMMUNE', expected: 2, registered: 1, late: 0, missing: 1 },
      { kind: 'RESIDENTIAL_AREA', expected: 4, registered: 3, late: 1, missing: 1 },
      { kind: 'ENTERPRISE', expected: 1, registered: 1, late: 0, missing: 0 },
      { kind: 'SCHOOL', expected: 1, registered: 1, late: 0, missing: 0 },
    ]);
    const overdue = (await ok(SUMMARY, { id: districtCampaign, states: ['OVERDUE'] }, vuThu)).campaign.registrationSummary.rows;
    expect(overdue.map((row: Data) => [row.code, row.stateLabel])).toEqual([
      ['TB-VT-VV', 'Quá hạn chưa đăng ký'],
      ['TB-VT-VV-01', 'Quá hạn chưa đăng ký'],
    ]);

    // The province campaign counts what was registered in its child campaigns.
    const province = (await ok(SUMMARY, { id: provinceCampaign }, provincePolice)).campaign.registrationSummary;
    expect(province).toMatchObject({ deadline: '2024-01-15', expected: 10, registered: 6, missing: 4 });
    const lateRow = province.rows.find((row: Data) => row.unitId === id.vh3);
    expect(lateRow).toMatchObject({ state: 'LATE', unit: { id: id.vh3, registration: { late: true, campaignId: districtCampaign } } });
  });

  it('a registration is withdrawn with a reason before the deadline only, and may be submitted again', async () => {
    h.setToday('2024-01-11');
    const withdrawn = await ok(WITHDRAW, { input: { campaignId: districtCampaign, unitId: id.vh2, reason: 'Đăng ký nhầm nội dung' } }, vuHoi);
    expect(withdrawn.withdrawRegistration).toMatchObject({ status: 'WITHDRAWN', withdrawnOn: '2024-01-11', withdrawReason: 'Đăng ký nhầm nội dung' });
    await ok(REGISTER_UNIT, { input: { campaignId: districtCampaign, unitId: id.vh2, forSafeStandard: true, forClassification: false } }, vuHoi);

    h.setToday('2024-01-13');
    const tooLate = await h.request(WITHDRAW, { input: { campaignId: districtCampaign, unitId: id.vh1, reason: 'Rút' } }, vuHoi);
    expect(tooLate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_DEADLINE_PASSED', deadline: '2024-01-12' });
    const types = (await h.prisma.outboxEvent.findMany({ where: { aggregateType: 'Registration' }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['campaigns.registration.withdrawn.v1', 'campaigns.registration.submitted.v1']);
  });

  it('a 2024 campaign keeps the 2024 tree after the 2025 reform; closing it is audited and published', async () => {
    h.setToday('2025-08-01');
    const district = (await ok(SUMMARY, { id: districtCampaign }, vuThu)).campaign.registrationSummary;
    expect(district).toMatchObject({ asOf: '2024-12-31', expected: 8 });
    const closed = await ok(CLOSE_CAMPAIGN, { id: provinceCampaign, reason: 'Tổng kết năm 2024' }, provincePolice);
    expect(closed.closeCampaign).toMatchObject({ status: 'CLOSED', statusLabel: 'Đã kết thúc' });
    const again = await h.request(CLOSE_CAMPAIGN, { id: provinceCampaign, reason: 'Lần hai' }, provincePolice);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CAMPAIGN_INVALID_TRANSITION' });
    const outbox = await h.prisma.outboxEvent.findMany({ where: { aggregateId: provinceCampaign }, orderBy: { seq: 'asc' } });
    expect(outbox.map((row) => row.type)).toEqual(['campaigns.campaign.launched.v1', 'campaigns.campaign.closed.v1']);
  });
});
