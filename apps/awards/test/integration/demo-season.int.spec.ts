import { randomUUID } from 'node:crypto';
import { CampaignLaunchedV1, ClassificationDecidedV1, RecognitionDecidedV1, RegistrationSubmittedV1 } from '@antt/contracts';
import { type UnitState } from '@antt/unit-directory';
import { DEV_NOMINEE_KEYS } from '../../src/config';
import { type DemoAwardsOptions, type DemoAwardsOutcome, loadDemoAwards, waitForFacts } from '../../src/demo/load-demo';
import { type AwardsHarness, as } from '../support/awards-harness';
import { type FactFedHarness, startFactFedHarness } from '../support/fact-events';
import { ENTITIES } from '../support/operations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
type Data = any;

const DISTRICTS = 3;
const COMMUNES_PER_DISTRICT = 8;
const AREAS_PER_COMMUNE = 2;

/**
 * A synthetic 2024 province for the demo season: 3 districts of 8 communes of 2 residential areas each, 3 provincial agencies.
 * Communes: every 8th EXCELLENT, the 7th of each district GOOD but not recognised, the 8th AVERAGE, the rest GOOD; areas: every
 * 6th recognised then revoked on 20/12/2024, the rest recognised and GOOD; the agencies GOOD and recognised.
 */
function syntheticProvince() {
  const unit = (code: string, kind: string, name: string, parentId: string | null): UnitState => ({
    unitId: randomUUID(),
    code,
    kind,
    revision: 1,
    dissolvedOn: null,
    timeline: [{ validFrom: '2019-01-01', validTo: null, name, parentId, managingUnitId: null }],
  });
  const province = unit('TB', 'PROVINCE', 'Tỉnh Thái Bình', null);
  const states: UnitState[] = [province];
  const districts: UnitState[] = [];
  const communes: Array<{ state: UnitState; district: UnitState; classification: string; recognised: boolean }> = [];
  const areas: Array<{ state: UnitState; revoked: boolean }> = [];
  for (let d = 0; d < DISTRICTS; d += 1) {
    const district = unit(`TB-D${d}`, 'DISTRICT', `Huyện số ${d + 1}`, province.unitId);
    districts.push(district);
    states.push(district);
    for (let c = 0; c < COMMUNES_PER_DISTRICT; c += 1) {
      const commune = unit(`TB-D${d}-C${c}`, 'COMMUNE', `Xã ${d + 1}.${c + 1}`, district.unitId);
      states.push(commune);
      communes.push({ state: commune, district, classification: c === 0 ? 'EXCELLENT' : c === 7 ? 'AVERAGE' : 'GOOD', recognised: c !== 6 });
      for (let a = 0; a < AREAS_PER_COMMUNE; a += 1) {
        const area = unit(`TB-D${d}-C${c}-A${a}`, 'RESIDENTIAL_AREA', `Thôn ${a + 1}, xã ${d + 1}.${c + 1}`, commune.unitId);
        states.push(area);
        areas.push({ state: area, revoked: areas.length % 6 === 5 });
        states.push(unit(`TB-D${d}-C${c}-A${a}-ANTT`, 'SECURITY_TEAM', `Tổ bảo vệ ANTT thôn ${a + 1}, xã ${d + 1}.${c + 1}`, area.unitId));
      }
    }
  }
  for (const { state } of communes.filter((_, i) => i % 4 === 0)) states.push(unit(`${state.code}-BBV`, 'SECURITY_TEAM', `Ban bảo vệ dân phố ${state.code}`, state.unitId));
  const agencies = [0, 1, 2].map((i) => unit(`TB-AG${i}`, 'AGENCY', `Sở số ${i + 1}`, province.unitId));
  states.push(...agencies);
  return { province, districts, communes, areas, agencies, states };
}

/**
 * The demo season loader against a scratch awards database whose directory holds a synthetic province and whose fact store is
 * fed through the real consumer by contract-valid events: the loader waits for the facts, runs the season through the domain,
 * and the outcome follows the facts — quotas used exactly, never exceeded, returns and rejections with reasons, every decided
 * nomination eligible, audit trails, nothing loaded a second time.
 */
describe('the demo award season', () => {
  const tb = syntheticProvince();
  const police = as('pv05@tb', 'STEERING_OFFICER', tb.province.unitId);
  const agency = as('apikey:agency', 'EXTERNAL_READER', tb.province.unitId);
  const provinceCampaign = randomUUID();
  let h: AwardsHarness;
  let feed: FactFedHarness;
  let options: DemoAwardsOptions;
  let outcome: DemoAwardsOutcome;
  const lines: string[] = [];

  beforeAll(async () => {
    feed = await startFactFedHarness('2025-03-20');
    h = feed.harness;
    await h.project(tb.states);
    const publish = feed.publish;
    const launched = { legalBases: ['Thông tư 124/2021/TT-BCA'], deadlines: [], targets: [], periodStart: '2024-01-01', periodEnd: '2024-12-31', launchedOn: '2024-01-05' };
    await publish(CampaignLaunchedV1, provinceCampaign, {
      ...launched,
      campaignId: provinceCampaign,
      parentCampaignId: null,
      ownerUnitId: tb.province.unitId,
      scopeUnitId: tb.province.unitId,
      title: 'Kế hoạch phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Thái Bình năm 2024',
    });
    const districtCampaign = new Map<string, string>();
    for (const district of tb.districts) {
      const campaignId = randomUUID();
      districtCampaign.set(district.unitId, campaignId);
      await publish(CampaignLaunchedV1, campaignId, {
        ...launched,
        campaignId,
        parentCampaignId: provinceCampaign,
        ownerUnitId: district.unitId,
        scopeUnitId: district.unitId,
        title: `Kế hoạch phát động phong trào năm 2024 của ${district.timeline[0]!.name}`,
      });
    }
    let registrations = 0;
    let classificationRevisions = 0;
    let recognitionRevisions = 0;
    const decide = async (unitId: string, unitKind: string, campaignId: string, submittedBy: string, classification: string, recognition: 'RECOGNISED' | 'NOT_RECOGNISED' | 'REVOKED') => {
      await publish(RegistrationSubmittedV1, randomUUID(), { registrationId: randomUUID(), campaignId, unitId, unitKind, forSafeStandard: true, forClassification: true, registeredOn: '2024-01-10', late: false, submittedByUnitId: submittedBy });
      registrations += 1;
      const decision = { campaignId, decidingUnitId: submittedBy, decisionNumber: '125/QĐ-UBND', unitKind, year: 2024 };
      const revision = recognition === 'REVOKED' ? 2 : 1;
      await publish(RecognitionDecidedV1, unitId, {
        ...decision,
        unitId,
        revision,
        status: recognition,
        decidedOn: recognition === 'REVOKED' ? '2024-12-20' : '2024-11-25',
        recognisedOn: recognition === 'NOT_RECOGNISED' ? null : '2024-11-25',
        revokedOn: recognition === 'REVOKED' ? '2024-12-20' : null,
        reason: recognition === 'RECOGNISED' ? null : 'Để xảy ra vụ việc phức tạp về an ninh, trật tự',
      });
      recognitionRevisions += revision;
      await publish(ClassificationDecidedV1, unitId, { ...decision, unitId, revision: 1, classification, score: classification === 'EXCELLENT' ? 92 : classification === 'GOOD' ? 82 : 65, ruleSetVersion: 'QD510-2022', decidedOn: '2024-11-20' });
      classificationRevisions += 1;
    };
    for (const commune of tb.communes) {
      const campaignId = districtCampaign.get(commune.district.unitId)!;
      await decide(commune.state.unitId, 'COMMUNE', campaignId, commune.district.unitId, commune.classification, commune.recognised ? 'RECOGNISED' : 'NOT_RECOGNISED');
    }
    for (const area of tb.areas) {
      const parent = area.state.timeline[0]!.parentId!;
      const district = tb.communes.find((c) => c.state.unitId === parent)!.district;
      await decide(area.state.unitId, 'RESIDENTIAL_AREA', districtCampaign.get(district.unitId)!, district.unitId, 'GOOD', area.revoked ? 'REVOKED' : 'RECOGNISED');
    }
    for (const agencyUnit of tb.agencies) await decide(agencyUnit.unitId, 'AGENCY', provinceCampaign, tb.province.unitId, 'GOOD', 'RECOGNISED');
    options = {
      dates: { earliest: '1990-01-01', latest: '2100-12-31' },
      nomineeKeys: DEV_NOMINEE_KEYS,
      expected: { campaigns: 1 + DISTRICTS, registrations, classificationRevisions, recognitionRevisions },
      factsTimeoutMs: 60_000,
      log: (line) => lines.push(line),
    };
    // The loader itself waits until the consumer has applied every fact.
    outcome = await loadDemoAwards(h.prisma, options);
  }, 180_000);

  afterAll(async () => {
    await feed?.close();
  });

  const form = (code: string) => outcome.forms.find((f) => f.formCode === code)!;

  it('rates every commune’s security teams first, within R25 in each commune (20% EXCELLENT over GOOD, under 9 months not rated)', async () => {
    const communes = DISTRICTS * COMMUNES_PER_DISTRICT;
    expect(outcome.teamRatings).toMatchObject({ communes, teams: communes * AREAS_PER_COMMUNE + communes / 4 });
    expect(outcome.teamRatings.members).toBeGreaterThan(outcome.teamRatings.teams * 3 - 1);
    expect(outcome.teamRatings.excellentMembers).toBeGreaterThan(0);
    const perCommune = await h.prisma.$queryRawUnsafe<Array<{ teams_excellent: number; teams_good: number; members_excellent: number; members_good: number; early: number }>>(
      `SELECT (SELECT count(*)::int FROM team_rating t WHERE t.round_id = r.id AND t.rating = 'EXCELLENT') AS teams_excellent,
              (SELECT count(*)::int FROM team_rating t WHERE t.round_id = r.id AND t.rating = 'GOOD') AS teams_good,
              (SELECT count(*)::int FROM team_member_rating m WHERE m.round_id = r.id AND m.rating = 'EXCELLENT') AS members_excellent,
              (SELECT count(*)::int FROM team_member_rating m WHERE m.round_id = r.id AND m.rating = 'GOOD') AS members_good,
              (SELECT count(*)::int FROM team_member_rating m WHERE m.round_id = r.id AND m.rating IS NOT NULL AND m.joined_on > DATE '2024-02-14') AS early
       FROM team_rating_round r WHERE r.year = 2024 AND r.current`,
    );
    expect(perCommune).toHaveLength(communes);
    for (const row of perCommune) {
      expect(row.teams_excellent * 5).toBeLessThanOrEqual(row.teams_good);
      expect(row.members_excellent * 5).toBeLessThanOrEqual(row.members_good);
      expect(row.early).toBe(0);
    }
    expect(lines.some((line) => line.includes('security teams'))).toBe(true);
  });

  it('uses the quotas exactly and never beyond: 2 flags, 15 certificates of merit, one decision refused by the quota', async () => {
    expect(outcome.loaded).toBe(true);
    expect(outcome.campaignId).toBe(provinceCampaign);
    expect(form('EMULATION_FLAG')).toMatchObject({ quota: 2, used: 2, decided: 2 });
    expect(form('CERTIFICATE_OF_MERIT')).toMatchObject({ quota: 15, used: 15, decided: 15 });
    expect(outcome.quotaRefusals).toBe(1);
    const decided = await h.prisma.nomination.groupBy({ by: ['formCode'], where: { campaignId: provinceCampaign, status: 'DECIDED' }, _count: { _all: true } });
    for (const use of await h.prisma.awardQuotaUse.findMany({ where: { campaignId: provinceCampaign } })) {
      const quota = form(use.formCode).quota;
      if (quota !== null) expect(use.used).toBeLessThanOrEqual(quota);
      expect(decided.find((row) => row.formCode === use.formCode)?._count._all).toBe(use.used);
    }
    expect(form('CERTIFICATE_POLICE_DIRECTOR').decided).toBeGreaterThanOrEqual(4);
    expect(form('CERTIFICATE_DISTRICT_CHAIRMAN').decided).toBeGreaterThanOrEqual(DISTRICTS);
    expect(outcome.forms.every((f) => f.open === 0)).toBe(true);
    const quotaRefused = await h.prisma.nomination.findMany({ where: { campaignId: provinceCampaign, status: 'REJECTED', closingReason: { startsWith: 'Đã hết chỉ tiêu 15' } } });
    expect(quotaRefused).toHaveLength(1);
    expect(lines.some((line) => line.includes('refused by the quota'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^demo awards: \d+ nominations .* in \d+\.\d s$/);
  });

  it('decides only what the facts make eligible, with decision numbers, dates and authorities before the reform', async () => {
    const decided = await h.prisma.nomination.findMany({ where: { campaignId: provinceCampaign, status: 'DECIDED' } });
    expect(decided.length).toBeGreaterThanOrEqual(24);
    for (const nomination of decided) {
      expect(nomination.eligibility).toMatchObject({ stage: 'DECISION', eligible: true, failed: [] });
      expect(nomination.decisionNumber).toMatch(/\/QĐ-/);
      expect(nomination.decidingAuthority).toMatch(/^(Chủ tịch UBND|Giám đốc Công an tỉnh)/);
      expect(nomination.decidedOn!.toISOString().slice(0, 10) < '2025-07-01').toBe(true);
    }
    // R23's registration is read across the provincial campaign's family: communes registered in their district's campaign only.
    const schemeForms = await h.prisma.awardSchemeForm.findMany({ where: { campaignId: provinceCampaign, formCode: { in: ['EMULATION_FLAG', 'CERTIFICATE_OF_MERIT'] } } });
    expect(schemeForms.length).toBeGreaterThanOrEqual(2);
    for (const row of schemeForms) expect((row.rules as { COLLECTIVE: Array<{ fact: string }> }).COLLECTIVE.map((c) => c.fact)).toContain('REGISTERED');
    const communeIds = new Set(tb.communes.map((c) => c.state.unitId));
    const decidedCommunes = decided.filter((n) => n.recipientKind === 'COLLECTIVE' && communeIds.has(n.unitId));
    expect(decidedCommunes.length).toBeGreaterThanOrEqual(13);
    expect(await h.prisma.registrationFact.count({ where: { campaignId: provinceCampaign, unitId: { in: decidedCommunes.map((n) => n.unitId) } } })).toBe(0);
    // The flags went to EXCELLENT communes; no revoked or unrecognised unit holds an award.
    const excellent = new Set(tb.communes.filter((c) => c.classification === 'EXCELLENT').map((c) => c.state.unitId));
    expect(decided.filter((n) => n.formCode === 'EMULATION_FLAG').every((n) => excellent.has(n.unitId))).toBe(true);
    const refusedUnits = new Set([...tb.communes.filter((c) => !c.recognised).map((c) => c.state.unitId), ...tb.areas.filter((a) => a.revoked).map((a) => a.state.unitId)]);
    expect(decided.filter((n) => n.recipientKind === 'COLLECTIVE' && n.formCode !== 'CERTIFICATE_DISTRICT_CHAIRMAN').some((n) => refusedUnits.has(n.unitId))).toBe(false);
    const kinds = new Set(decided.map((n) => n.recipientKind));
    expect([...kinds].sort()).toEqual(['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL']);
    // Nominated at every level: communes, districts and the province.
    const nominators = new Set((await h.prisma.nomination.findMany({ where: { campaignId: provinceCampaign } })).map((n) => n.nominatingUnitId));
    expect(nominators.has(tb.province.unitId)).toBe(true);
    expect(tb.districts.some((d) => nominators.has(d.unitId))).toBe(true);
    expect(tb.communes.some((c) => nominators.has(c.state.unitId))).toBe(true);
  });

  it('rejects what the facts refuse, naming every failed condition; returns and rejections carry their reasons', async () => {
    const rejected = await h.prisma.nomination.findMany({ where: { campaignId: provinceCampaign, status: 'REJECTED' } });
    expect(rejected.every((n) => (n.closingReason ?? '').length > 0)).toBe(true);
    expect(outcome.rejectedAtAppraisal).toBeGreaterThanOrEqual(5);
    const reasons = rejected.map((n) => n.closingReason ?? '');
    expect(reasons.some((r) => r.includes('phong trào của đơn vị được xếp loại Xuất sắc (GOOD)'))).toBe(true);
    expect(reasons.some((r) => r.includes('phong trào của đơn vị được xếp loại Khá trở lên (AVERAGE)'))).toBe(true);
    expect(reasons.some((r) => r.includes('đơn vị đạt chuẩn "An toàn về an ninh, trật tự" năm 2024 (NOT_RECOGNISED)'))).toBe(true);
    expect(reasons.some((r) => r.includes('đơn vị đạt chuẩn "An toàn về an ninh, trật tự" năm 2024 (REVOKED)'))).toBe(true);
    expect(reasons.some((r) => r.includes('người đứng đầu:'))).toBe(true);
    expect(reasons.some((r) => r.includes('thành viên tổ hoạt động liên tục từ 9 tháng trở lên'))).toBe(true);
    // The complaint lodged after appraisal: the decision itself rejects, naming the condition.
    expect(outcome.rejectedAtDecision).toBe(1);
    const atDecision = rejected.find((n) => (n.eligibility as Data)?.stage === 'DECISION')!;
    expect(atDecision.closingReason).toContain('không có khiếu nại, tố cáo đang giải quyết');
    expect(atDecision.recipientKind).toBe('INDIVIDUAL');
    const returns = await h.prisma.nominationTransition.findMany({ where: { toStatus: 'RETURNED' } });
    expect(returns).toHaveLength(2);
    expect(outcome.returned).toBe(2);
    for (const transition of returns) {
      expect(transition.reason).toContain('chữ ký');
      expect(transition.actor).toMatch(/^pv05@/);
    }
  });

  it('records every move in the audit with its actor, and the decisions in the outbox', async () => {
    const decided = await h.prisma.nomination.findMany({ where: { campaignId: provinceCampaign, status: 'DECIDED' }, select: { id: true } });
    for (const { id } of decided) {
      const moves = await h.prisma.nominationTransition.findMany({ where: { nominationId: id }, orderBy: { seq: 'asc' } });
      const path = moves.map((m) => m.toStatus).filter((status, i, all) => all[i - 1] !== status);
      expect(path.slice(0, 2)).toEqual(['DRAFT', 'SUBMITTED']);
      expect(path.slice(-4)).toEqual(['RECEIVED', 'APPRAISED', 'COUNCIL_REVIEWED', 'DECIDED']);
      expect(moves.at(-1)!.actor).toMatch(/^ban-tdkt-snv@/);
      expect(moves.find((m) => m.toStatus === 'RECEIVED')!.actor).toMatch(/^pv05@/);
    }
    const events = await h.prisma.outboxEvent.findMany({ where: { type: { startsWith: 'awards.nomination.decided' } } });
    expect(events).toHaveLength(decided.length);
    expect(await h.prisma.personFactChange.count()).toBe(4);
  });

  it('answers the README’s queries: the award summary and the published list', async () => {
    const summary = await h.requestSubgraph<Data>(ENTITIES, { campaignId: provinceCampaign, reps: [{ __typename: 'Campaign', id: provinceCampaign }] }, police);
    expect(summary.errors).toBeUndefined();
    const forms = summary.data._entities[0].awardSummary.forms as Data[];
    expect(forms.find((f) => f.formCode === 'CERTIFICATE_OF_MERIT')).toMatchObject({ quota: 15, decided: 15, pending: 0 });
    expect(forms.find((f) => f.formCode === 'EMULATION_FLAG')).toMatchObject({ quota: 2, decided: 2, pending: 0 });
    const published = await h.request<Data>(`query($id: ID!) { publishedAwards(campaignId: $id) { id formCode decisionNumber authority recipientName } }`, { id: provinceCampaign }, agency);
    expect(published.errors).toBeUndefined();
    const decided = outcome.forms.reduce((sum, f) => sum + f.decided, 0);
    expect(published.data.publishedAwards).toHaveLength(decided);
    expect((published.data.publishedAwards as Data[]).every((award) => award.recipientName === null)).toBe(true);
  });

  it('gives up waiting for facts that never come, naming what is missing', async () => {
    const expected = { ...options.expected, registrations: 10_000 };
    await expect(waitForFacts(h.prisma, tb.province.unitId, expected, 600, () => undefined)).rejects.toThrow(
      new RegExp(`did not catch up within 1 s \\(missing: registrations ${options.expected.registrations}/10000\\)`),
    );
    await expect(waitForFacts(h.prisma, randomUUID(), options.expected, 600, () => undefined)).rejects.toThrow(/missing: the provincial 2024 campaign/);
  });

  it('loads nothing a second time', async () => {
    const before = await h.prisma.nominationTransition.count();
    const again = await loadDemoAwards(h.prisma, options);
    expect(again.loaded).toBe(false);
    expect(await h.prisma.nominationTransition.count()).toBe(before);
    expect(await h.prisma.awardScheme.count()).toBe(1);
  });
  it('after the 2025 reform merges the province WHOLE into another, the successor reads the 2024 season and the list names its units', async () => {
    const hy: UnitState = {
      unitId: randomUUID(),
      code: 'HY',
      kind: 'PROVINCE',
      revision: 1,
      dissolvedOn: null,
      timeline: [{ validFrom: '2019-01-01', validTo: null, name: 'Tỉnh Hưng Yên', parentId: null, managingUnitId: null }],
    };
    const other: UnitState = { ...hy, unitId: randomUUID(), code: 'NB', timeline: [{ ...hy.timeline[0]!, name: 'Tỉnh Ninh Bình' }] };
    const firstDistrict = tb.communes.filter((commune) => commune.district.unitId === tb.districts[0]!.unitId);
    const mergedAway = new Set(firstDistrict.slice(1).map((commune) => commune.state.unitId));
    const movedUnder = (state: UnitState, parentId: string): UnitState => ({
      ...state,
      revision: 2,
      timeline: [{ ...state.timeline[0]!, validTo: '2025-07-01' }, { ...state.timeline[0]!, validFrom: '2025-07-01', parentId }],
    });
    await h.project([
      hy,
      other,
      {
        ...tb.province,
        revision: 2,
        dissolvedOn: '2025-07-01',
        timeline: [{ ...tb.province.timeline[0]!, validTo: '2025-07-01' }],
        effectiveDate: '2025-07-01',
        change: { intoUnitId: hy.unitId },
      },
      ...tb.districts.map((district) => movedUnder(district, hy.unitId)),
      ...tb.agencies.map((agencyUnit) => movedUnder(agencyUnit, hy.unitId)),
      // The first district's communes merged WHOLE into its first one, their areas moved under it: units that no longer exist.
      ...firstDistrict.slice(1).map((commune) => ({
        ...commune.state,
        revision: 2,
        dissolvedOn: '2025-07-01',
        timeline: [{ ...commune.state.timeline[0]!, validTo: '2025-07-01' }],
        effectiveDate: '2025-07-01',
        change: { intoUnitId: firstDistrict[0]!.state.unitId },
      })),
      ...tb.areas.filter((area) => mergedAway.has(area.state.timeline[0]!.parentId!)).map((area) => movedUnder(area.state, firstDistrict[0]!.state.unitId)),
    ]);
    h.setToday('2025-08-01');
    try {
      const hyPolice = as('pv05@hy', 'STEERING_OFFICER', hy.unitId);
      const summary = await h.requestSubgraph<Data>(ENTITIES, { campaignId: provinceCampaign, reps: [{ __typename: 'Campaign', id: provinceCampaign }] }, hyPolice);
      expect(summary.errors).toBeUndefined();
      const forms = summary.data._entities[0].awardSummary.forms as Data[];
      expect(forms.find((f) => f.formCode === 'CERTIFICATE_OF_MERIT')).toMatchObject({ quota: 15, decided: 15 });
      const listed = await h.request<Data>(`query($id: ID!) { nominations(campaignId: $id) { id unit { id } } }`, { id: provinceCampaign }, hyPolice);
      expect(listed.data.nominations).toHaveLength(outcome.nominations);
      // Among them the nominations of communes merged away (the read rule on the campaign's last day, not today's tree).
      expect((listed.data.nominations as Data[]).some((nomination) => mergedAway.has(nomination.unit.id))).toBe(true);
      // Another province's officers read none of its nominations.
      const nbPolice = as('pv05@nb', 'STEERING_OFFICER', other.unitId);
      const refused = await h.requestSubgraph<Data>(ENTITIES, { campaignId: provinceCampaign, reps: [{ __typename: 'Campaign', id: provinceCampaign }] }, nbPolice);
      // (a reader outside the owner's jurisdiction gets the restricted summary of its own units: none here)
      expect(refused.data._entities[0].awardSummary.nominations).toBe(0);
      expect((refused.data._entities[0].awardSummary.forms as Data[]).every((f) => f.decided === 0 && f.pending === 0 && f.rejected === 0)).toBe(true);
      expect((await h.request<Data>(`query($id: ID!) { nominations(campaignId: $id) { id } }`, { id: provinceCampaign }, nbPolice)).data.nominations).toEqual([]);
      // The published list names every recipient unit as the decision did, whoever reads it.
      const published = await h.request<Data>(`query($id: ID!) { publishedAwards(campaignId: $id) { unitCode unitName } }`, { id: provinceCampaign }, agency);
      expect(published.errors).toBeUndefined();
      const names = new Map(tb.states.map((state) => [state.code, state.timeline[0]!.name]));
      for (const award of published.data.publishedAwards as Data[]) expect(award.unitName).toBe(names.get(award.unitCode));
    } finally {
      h.setToday('2025-03-20');
    }
  });
});
