import { DomainError, type Identity, type Role } from '@antt/auth';
import { type Clock, type DateRange, type PersonalDataKeys } from '@antt/service-kit';
import { type DirectoryEntry, UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../generated/prisma/client';
import { createAwardsDomain } from '../domain/awards.module';
import { type CampaignFactView, FactStore } from '../domain/facts';
import { type CommandContext, type NominationView } from '../domain/nomination';
import { rulesFor } from '../domain/scheme';
import {
  type Candidate,
  type CollectiveRules,
  DEMO_QUOTAS,
  DIRECTOR,
  DISTRICT_CERTIFICATE,
  type DemoForm,
  FLAG,
  type FactTotals,
  LEGAL_GROUNDS,
  MERIT,
  type PlannedNomination,
  demoScheme,
  factsShortfall,
  planSeason,
} from './season-plan';
import { nearestOfKind } from '../domain/team-rating';
import { type DemoTeamRatingsOutcome, loadDemoTeamRatings } from './team-ratings';

const YEAR = 2024;
const TREE_DATE = '2024-06-01';
const CORRELATION = 'demo-awards-2024';
const TEAM_RATINGS_RECORDED_ON = '2024-11-25';
const CANDIDATE_KINDS = ['DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'];

/** The season's calendar, early 2025: before 01/07/2025, so the 2024 tree and the Decree 98/2023 forms apply. */
export const SEASON_DATES = {
  scheme: '2025-01-06',
  submitted: { COMMUNE: '2025-01-10', DISTRICT: '2025-01-15', PROVINCE: '2025-01-20' },
  received: '2025-02-03',
  returned: '2025-02-05',
  resubmitted: '2025-02-12',
  receivedAgain: '2025-02-14',
  appraised: '2025-02-25',
  closed: '2025-02-26',
  complaint: '2025-03-01',
  council: '2025-03-05',
  decided: '2025-03-14',
} as const;

/** What the loader did (read back from the database, not what it meant to do). */
export interface DemoAwardsOutcome {
  loaded: boolean;
  campaignId: string | null;
  nominations: number;
  /** Per form: the quota, the places used and the nominations per final status. */
  forms: Array<{ formCode: string; quota: number | null; used: number; decided: number; rejected: number; open: number }>;
  /** Nominations returned once with a reason (and submitted again). */
  returned: number;
  /** Decisions the domain refused for want of a place (QUOTA_EXHAUSTED), then rejected with that reason. */
  quotaRefusals: number;
  /** Nominations the decision itself rejected on the facts of its day (a failed condition named). */
  rejectedAtDecision: number;
  /** Nominations appraised ineligible on their named failed conditions, then rejected. */
  rejectedAtAppraisal: number;
  /** R25: the communes' grassroots security team ratings of the year, recorded before the season. */
  teamRatings: DemoTeamRatingsOutcome;
}

export interface DemoAwardsOptions {
  dates: DateRange;
  nomineeKeys: PersonalDataKeys;
  provinceCode?: string;
  /** Fact totals to wait for (0: not waited for); the provincial 2024 campaign is always waited for. */
  expected: FactTotals;
  factsTimeoutMs: number;
  log: (line: string) => void;
}

/** The 2024 fact totals of the store: campaigns, registrations, and the revision sums of classifications and recognitions. */
async function factTotals(prisma: PrismaClient): Promise<FactTotals> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ campaigns: bigint; registrations: bigint; classifications: bigint; recognitions: bigint }>>(
    `SELECT (SELECT count(*) FROM campaign_fact) AS campaigns,
            (SELECT count(*) FROM registration_fact WHERE registered_on >= make_date($1, 1, 1) AND registered_on < make_date($1 + 1, 1, 1)) AS registrations,
            (SELECT COALESCE(sum(revision), 0) FROM classification_fact WHERE year = $1) AS classifications,
            (SELECT COALESCE(sum(revision), 0) FROM recognition_fact WHERE year = $1) AS recognitions`,
    YEAR,
  );
  return { campaigns: Number(row?.campaigns ?? 0), registrations: Number(row?.registrations ?? 0), classificationRevisions: Number(row?.classifications ?? 0), recognitionRevisions: Number(row?.recognitions ?? 0) };
}

async function provinceCampaign(prisma: PrismaClient, provinceId: string): Promise<CampaignFactView | null> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT campaign_id::text AS id FROM campaign_fact WHERE owner_unit_id = $1::uuid AND extract(year FROM period_end) = $2 ORDER BY period_start, campaign_id LIMIT 1`,
    provinceId,
    YEAR,
  );
  return row ? new FactStore(prisma).campaign(row.id) : null;
}

/**
 * Waits (bounded) until the fact store holds the provincial 2024 campaign and the expected totals: campaigns' and assessments'
 * events reach it through the running service's facts consumer.
 */
export async function waitForFacts(prisma: PrismaClient, provinceId: string, expected: FactTotals, timeoutMs: number, log: (line: string) => void): Promise<CampaignFactView> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    const campaign = await provinceCampaign(prisma, provinceId);
    const missing = factsShortfall(await factTotals(prisma), expected);
    if (!campaign) missing.unshift(`the provincial ${YEAR} campaign`);
    if (campaign && missing.length === 0) return campaign;
    if (Date.now() > deadline) {
      throw new Error(
        `demo awards: the fact store did not catch up within ${Math.round(timeoutMs / 1000)} s (missing: ${missing.join(', ')}). ` +
          "Is the awards service running with its facts consumer (group awards.facts) and campaigns' and assessments' outbox relays publishing?",
      );
    }
    if (!announced) log(`demo awards: waiting for the ${YEAR} facts (${missing.join(', ')})`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Thái Bình's 2024 award season, through the awards domain's own commands with the clock walking through early 2025: the
 * provincial police set the scheme (the plan's forms and quotas, rules as data over the facts), communes, districts and the
 * province nominate collectives, a commune chairman, team members and a household (`planSeason`, chosen on the facts), dossiers
 * complete; submitted, received by PV05 (two returned with a reason, completed and submitted again), appraised by Home Affairs'
 * board (those the facts refuse appraised ineligible on their named conditions, then rejected), reviewed by the council and
 * decided: the 2 flags, the 15 certificates of merit (the 16th refused by the quota, then rejected with that reason), the
 * director's and district chairmen's certificates (a team member whose complaint was lodged after appraisal rejected by the
 * decision on that fact). Does nothing when the database already holds a nomination.
 */
export async function loadDemoAwards(prisma: PrismaClient, options: DemoAwardsOptions): Promise<DemoAwardsOutcome> {
  const { log } = options;
  const empty: DemoAwardsOutcome = {
    loaded: false,
    campaignId: null,
    nominations: 0,
    forms: [],
    returned: 0,
    quotaRefusals: 0,
    rejectedAtDecision: 0,
    rejectedAtAppraisal: 0,
    teamRatings: { communes: 0, teams: 0, members: 0, excellentTeams: 0, excellentMembers: 0, notRatedMembers: 0 },
  };
  if ((await prisma.nomination.count()) > 0) return empty;
  const provinceCode = options.provinceCode ?? 'TB';
  const directory = new UnitDirectory(prisma);
  const province = await directory.unitByCode(provinceCode, TREE_DATE);
  if (!province) throw new Error(`demo awards: the awards unit directory has no unit ${provinceCode} on ${TREE_DATE}: is the unit directory consumer running?`);
  const campaign = await waitForFacts(prisma, province.unitId, options.expected, options.factsTimeoutMs, log);
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  let today: string = SEASON_DATES.scheme;
  const clock: Clock = { today: () => today, now: () => new Date() };
  const services = createAwardsDomain(prisma, clock, { dates: options.dates, nomineeKeys: options.nomineeKeys }).forRequest();

  const units = await directory.descendantsOf(province.unitId, TREE_DATE, CANDIDATE_KINDS);
  const byId = new Map<string, DirectoryEntry>([[province.unitId, province], ...units.map((unit) => [unit.unitId, unit] as [string, DirectoryEntry])]);
  const officer = (role: Role, unitId: string, prefix: string): CommandContext => ({
    caller: { subject: `${prefix}@${(byId.get(unitId)?.code ?? unitId).toLowerCase()}`, roles: [role], jurisdictionUnitId: unitId } satisfies Identity,
    correlationId: CORRELATION,
  });
  const police = officer('STEERING_OFFICER', province.unitId, 'pv05');
  const board = officer('APPRAISER', province.unitId, 'ban-tdkt-snv');
  const nominator = (planned: PlannedNomination) =>
    planned.level === 'PROVINCE' ? police : officer('LEVEL_OFFICER', planned.nominatingUnitId, planned.level === 'DISTRICT' ? 'bcd-huyen' : 'bcd-xa');

  // R25: every commune with grassroots security teams rates them for the year (25/11/2024, the window closed on 14/11).
  const teamRatings = await loadDemoTeamRatings(services, directory, province.unitId, YEAR, (date) => (today = date), TEAM_RATINGS_RECORDED_ON);
  log(
    `demo awards: ${teamRatings.teams} security teams (${teamRatings.members} members) rated in ${teamRatings.communes} communes: ` +
      `${teamRatings.excellentTeams} teams and ${teamRatings.excellentMembers} members EXCELLENT, ${teamRatings.notRatedMembers} members not rated (under 9 months), after ${seconds()}`,
  );
  today = SEASON_DATES.scheme;

  // The scheme, through the domain (validated, versioned); the plan reads the rules back as the domain stored them.
  const scheme = await services.schemes.set(police.caller, demoScheme(campaign.campaignId));
  const rules = Object.fromEntries(scheme.forms.map((entry) => [entry.form.code, rulesFor(entry.rules, 'COLLECTIVE')])) as unknown as CollectiveRules;
  log(`demo awards: scheme v${scheme.version} of "${campaign.title}": ${scheme.forms.map((f) => `${f.form.code}${f.quota === null ? '' : ` (${f.quota})`}`).join(', ')}`);

  // Candidates and their facts as the nominators see them (one fact query for every unit).
  const ancestorOfKind = (unit: DirectoryEntry, kind: string): string | null => nearestOfKind(unit, kind, byId)?.unitId ?? null;
  // Communes and residential areas, and the province's own agencies, departments, enterprises and schools (not the districts').
  const nominable = units.filter((unit) => ['COMMUNE', 'RESIDENTIAL_AREA'].includes(unit.kind) || (unit.kind !== 'DISTRICT' && ancestorOfKind(unit, 'DISTRICT') === null));
  const facts = await new FactStore(prisma).factsOf(
    nominable.map((unit) => unit.unitId),
    campaign,
    SEASON_DATES.submitted.COMMUNE,
  );
  const candidates: Candidate[] = nominable
    .flatMap((unit) => {
      const unitFacts = facts.get(unit.unitId);
      return unitFacts ? [{ unitId: unit.unitId, code: unit.code, name: unit.name, kind: unit.kind, communeId: ancestorOfKind(unit, 'COMMUNE'), districtId: ancestorOfKind(unit, 'DISTRICT'), facts: unitFacts }] : [];
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const plan = planSeason(candidates, rules, province.unitId);
  log(`demo awards: ${plan.length} nominations planned over ${candidates.length} units' facts`);

  // Nominations: created with a complete dossier (R27) and submitted by their level; team members' service recorded by PV05.
  const nominations = new Map<PlannedNomination, NominationView>();
  for (const level of ['COMMUNE', 'DISTRICT', 'PROVINCE'] as const) {
    today = SEASON_DATES.submitted[level];
    for (const planned of plan.filter((p) => p.level === level)) {
      const by = nominator(planned);
      const unit = byId.get(planned.unitId);
      const created = await services.nominations.create(by, {
        campaignId: campaign.campaignId,
        formCode: planned.formCode,
        recipientKind: planned.recipientKind,
        unitId: planned.unitId,
        nominee: planned.nominee,
        legalGround: LEGAL_GROUNDS[planned.formCode],
        achievement: planned.achievement,
        dossier: dossierOf(planned, unit, !planned.returned),
      });
      if (planned.serviceFrom) {
        await services.personFacts.record(police.caller, { nominationId: created.id, kind: 'SERVICE', from: planned.serviceFrom, reason: `Quyết định thành lập, kiện toàn Tổ bảo vệ ANTT ${unit?.name ?? ''}`.trim() });
      }
      nominations.set(planned, await services.nominations.submit(by, created.id));
    }
  }
  log(`demo awards: ${nominations.size} nominations submitted by communes, districts and the province after ${seconds()}`);

  // PV05 receives; two are returned for a missing signature, completed and submitted again.
  today = SEASON_DATES.received;
  for (const [planned, nomination] of nominations) nominations.set(planned, await services.nominations.receive(police, nomination.id));
  let returned = 0;
  for (const [planned, nomination] of nominations) {
    if (!planned.returned) continue;
    today = SEASON_DATES.returned;
    await services.nominations.returnNomination(police, nomination.id, 'Tờ trình chưa có chữ ký, đóng dấu của Thủ trưởng đơn vị đề nghị; đề nghị hoàn thiện và gửi lại');
    today = SEASON_DATES.resubmitted;
    const by = nominator(planned);
    await services.nominations.updateDossier(by, nomination.id, dossierOf(planned, byId.get(planned.unitId), true));
    await services.nominations.submit(by, nomination.id);
    today = SEASON_DATES.receivedAgain;
    nominations.set(planned, await services.nominations.receive(police, nomination.id));
    returned += 1;
  }

  // Home Affairs' board appraises on the eligibility stored at submission: the refused ones named, then rejected.
  today = SEASON_DATES.appraised;
  let rejectedAtAppraisal = 0;
  const refusals: string[] = [];
  for (const [planned, nomination] of nominations) {
    const eligibility = nomination.eligibility;
    if (eligibility?.eligible) {
      nominations.set(planned, await services.nominations.appraise(board, nomination.id, true, null));
      continue;
    }
    const failed = (eligibility?.failed ?? []).map((f) => `${f.name} (${f.actual ?? 'không có'})`).join('; ');
    await services.nominations.appraise(board, nomination.id, false, `Không đủ điều kiện: ${failed}`);
    today = SEASON_DATES.closed;
    nominations.set(planned, await services.nominations.reject(board, nomination.id, `Thẩm định không đủ điều kiện khen thưởng: ${failed}`));
    today = SEASON_DATES.appraised;
    rejectedAtAppraisal += 1;
    refusals.push(`${planned.label}: ${failed}`);
  }
  log(`demo awards: appraised (${rejectedAtAppraisal} refused on named conditions: ${refusals.join(' | ')}) after ${seconds()}`);

  // A complaint against a team member lodged after appraisal, still pending at the decision.
  today = SEASON_DATES.complaint;
  for (const [planned, nomination] of nominations) {
    if (planned.complaintFrom && nomination.status === 'APPRAISED') {
      await services.personFacts.record(police.caller, { nominationId: nomination.id, kind: 'COMPLAINT', from: planned.complaintFrom, reason: 'Tiếp nhận đơn khiếu nại liên quan đến cá nhân được đề nghị, đang xác minh' });
    }
  }

  today = SEASON_DATES.council;
  for (const [planned, nomination] of nominations) {
    if (nomination.status === 'APPRAISED') nominations.set(planned, await services.nominations.councilReview(board, nomination.id, { for: 9, against: 0, abstain: 1 }));
  }

  // Decisions of 14/03/2025, flags first: the quota taken atomically by the domain; one attempt beyond it refused.
  today = SEASON_DATES.decided;
  const decisions: Record<DemoForm, { number: string; authority: (planned: PlannedNomination) => string }> = {
    [FLAG]: { number: '512/QĐ-UBND', authority: () => 'Chủ tịch UBND tỉnh Thái Bình' },
    [MERIT]: { number: '513/QĐ-UBND', authority: () => 'Chủ tịch UBND tỉnh Thái Bình' },
    [DIRECTOR]: { number: '1024/QĐ-CAT-PV05', authority: () => 'Giám đốc Công an tỉnh Thái Bình' },
    [DISTRICT_CERTIFICATE]: {
      number: '86/QĐ-UBND',
      authority: (planned) => {
        const district = byId.get(planned.nominatingUnitId)?.kind === 'DISTRICT' ? byId.get(planned.nominatingUnitId) : byId.get(byId.get(planned.nominatingUnitId)?.parentId ?? '');
        return `Chủ tịch UBND ${district?.name ?? 'huyện'}`;
      },
    },
  };
  let quotaRefusals = 0;
  let rejectedAtDecision = 0;
  for (const formCode of [FLAG, MERIT, DIRECTOR, DISTRICT_CERTIFICATE] as const) {
    for (const [planned, nomination] of nominations) {
      if (planned.formCode !== formCode || nomination.status !== 'COUNCIL_REVIEWED') continue;
      try {
        const decided = await services.nominations.decide(board, { id: nomination.id, decisionNumber: decisions[formCode].number, decidedOn: today, authority: decisions[formCode].authority(planned) });
        nominations.set(planned, decided);
        if (decided.status === 'REJECTED') {
          rejectedAtDecision += 1;
          log(`demo awards: ${planned.label} rejected at the decision: ${decided.closingReason ?? ''}`);
        }
      } catch (error) {
        if (!(error instanceof DomainError) || error.reason !== 'QUOTA_EXHAUSTED') throw error;
        quotaRefusals += 1;
        log(`demo awards: ${planned.label} refused by the quota (${error.message}); rejected with that reason`);
        nominations.set(
          planned,
          await services.nominations.reject(board, nomination.id, `Đã hết chỉ tiêu ${DEMO_QUOTAS[formCode] ?? 0} ${formCode === MERIT ? 'Bằng khen của Chủ tịch UBND tỉnh' : 'Cờ thi đua'} của đợt khen thưởng; đề nghị xét hình thức khác`),
        );
      }
    }
  }

  const statuses = await prisma.nomination.groupBy({ by: ['formCode', 'status'], where: { campaignId: campaign.campaignId }, _count: { _all: true } });
  const uses = await prisma.awardQuotaUse.findMany({ where: { campaignId: campaign.campaignId } });
  const count = (formCode: string, status: string) => statuses.find((row) => row.formCode === formCode && row.status === status)?._count._all ?? 0;
  const outcome: DemoAwardsOutcome = {
    loaded: true,
    campaignId: campaign.campaignId,
    nominations: statuses.reduce((sum, row) => sum + row._count._all, 0),
    forms: scheme.forms.map((entry) => ({
      formCode: entry.form.code,
      quota: entry.quota,
      used: uses.find((use) => use.formCode === entry.form.code)?.used ?? 0,
      decided: count(entry.form.code, 'DECIDED'),
      rejected: count(entry.form.code, 'REJECTED'),
      open: statuses.filter((row) => row.formCode === entry.form.code && !['DECIDED', 'REJECTED'].includes(row.status)).reduce((sum, row) => sum + row._count._all, 0),
    })),
    returned,
    quotaRefusals,
    rejectedAtDecision,
    rejectedAtAppraisal,
    teamRatings,
  };
  log(
    `demo awards: ${outcome.nominations} nominations (${outcome.forms.map((f) => `${f.formCode} ${f.decided} decided${f.quota === null ? '' : ` of ${f.quota}`}, ${f.rejected} rejected`).join('; ')}), ` +
      `${returned} returned, ${rejectedAtAppraisal} refused at appraisal, ${rejectedAtDecision} at the decision, ${quotaRefusals} beyond the quota, in ${seconds()}`,
  );
  return outcome;
}

/** A dossier (R27) as the nominating level files it: complete, or without its signed submission until a return asks for it. */
function dossierOf(planned: PlannedNomination, unit: DirectoryEntry | undefined, signed: boolean) {
  const code = unit?.code ?? planned.unitId;
  return {
    submissionRef: signed ? `Tờ trình số ${10 + (code.length % 80)}/TTr-${planned.level === 'PROVINCE' ? 'CAT-PV05' : 'UBND'}` : 'Tờ trình (bản chưa ký)',
    achievementReportRef: `Báo cáo thành tích năm ${YEAR} - ${code}`,
    councilMinutesRef: `Biên bản họp Hội đồng Thi đua - Khen thưởng ${planned.level === 'COMMUNE' ? 'xã' : planned.level === 'DISTRICT' ? 'huyện' : 'Công an tỉnh'}`,
    councilVotesFor: 7,
    councilVotesAgainst: 0,
    evidenceRefs: [`Quyết định công nhận, xếp loại phong trào năm ${YEAR}`],
  };
}
