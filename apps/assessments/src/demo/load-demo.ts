import { createHash } from 'node:crypto';
import { DomainError, type Identity, type Role } from '@antt/auth';
import { type Clock, type DateRange } from '@antt/service-kit';
import { type DirectoryEntry, UnitDirectory, safeStandardScope } from '@antt/unit-directory';
import { type PrismaClient } from '../generated/prisma/client';
import { type AssessmentView, type ScoreInput } from '../domain/assessment';
import { createAssessmentsDomain } from '../domain/assessments.module';
import { type Classification } from '../domain/classification';
import { type CriterionAnswerInput } from '../domain/criteria';
import { type EvidenceRules } from '../domain/evidence';
import { type RuleSetView } from '../domain/rule-set';
import { demoEvidenceRules } from './config';
import { approveThroughChain } from './review-chain';

const YEAR = 2024;
const TREE_DATE = '2024-06-01';
const CORRELATION = 'demo-assessments-2024';
const ASSESSED_KINDS = ['RESIDENTIAL_AREA', 'COMMUNE', 'AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL'];
const CLASSES: Classification[] = ['EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK'];
const INCIDENT_TYPES = ['SERIOUS_CRIME', 'COMPLEX_SECURITY_CASE', 'UNLAWFUL_MASS_GATHERING', 'SOCIAL_EVIL_HOTSPOT', 'SERIOUS_ACCIDENT'] as const;

/** What the demo loader did (counts read back from the database, not what it meant to do). */
export interface DemoAssessmentsOutcome {
  loaded: boolean;
  /** Registered units in scope with an approved assessment (and so a published classification). */
  assessments: number;
  returned: number;
  rescored: number;
  classifications: Record<Classification, number>;
  classificationCorrections: number;
  incidents: number;
  recognitions: { recognised: number; notRecognised: number; revoked: number; corrected: number; pending: number };
  /**
   * Units other than communes the committee would recognise but the domain refuses ACHIEVED on a derived criterion (an agency,
   * department or enterprise without an effective model in models' fact), decided NOT_ACHIEVED naming the failed criteria.
   */
  refusedOnCriteria: number;
  /**
   * Communes whose R7 is final and passes, those failing it for good (final, or no longer able to pass: a managed unit not
   * registered, or too few recognised even if every undecided unit were), those left undecided because R7 is not final yet
   * (a managed unit still pending: R7 is computed once the subordinate window is final), and those passing R7 but refused on
   * another criterion (no effective model, a disciplined officer).
   */
  communes: { passR7: number; failR7: number; awaitingFinalR7: number; refusedOnCriteria: number };
}

export interface DemoAssessmentsOptions {
  dates: DateRange;
  /** The evidence rules the domain is wired with (default: the service's EVIDENCE_* variables and defaults); the demo attaches no file. */
  evidence?: EvidenceRules;
  provinceCode?: string;
  /** How many 2024 registrations to wait for (campaigns' count); 0: do not wait. */
  expectedRegistrations: number;
  registrationsTimeoutMs: number;
  /** Units worked on at once, one transaction per command. */
  concurrency: number;
  log: (line: string) => void;
}

/** A stable pseudo-random number 0..999 per unit code and purpose: the same units get the same results on every machine. */
export function draw(code: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${code}`).digest().readUInt16BE(0) % 1000;
}

/** The class a unit aims at: about 7% EXCELLENT, 53% GOOD, 30% AVERAGE, 10% WEAK. */
export function targetClass(code: string): Classification {
  const roll = draw(code, 'classification');
  return roll < 70 ? 'EXCELLENT' : roll < 600 ? 'GOOD' : roll < 900 ? 'AVERAGE' : 'WEAK';
}

/**
 * The decision a unit's recognition draw asks for: below 60 pending, 60–99 refused because the unit did not meet criterion 1 (it
 * answers it not met), 100–119 refused by the committee although every criterion is met (corrected in January 2025), else ACHIEVED.
 */
export function recognitionPlan(code: string): 'PENDING' | 'FAILS_CRITERION' | 'REFUSED' | 'ACHIEVED' {
  const roll = draw(code, 'recognition');
  return roll < 60 ? 'PENDING' : roll < 100 ? 'FAILS_CRITERION' : roll < 120 ? 'REFUSED' : 'ACHIEVED';
}

/**
 * The unit's answers to the rule set's answered (non-derived) criteria: each met with its evidence, except the first one when the
 * unit's draw wants it to fail. Derived criteria (R6, effective model, discipline, R7) are computed by the domain, never answered.
 */
export function criteriaAnswersFor(ruleSet: RuleSetView, code: string): CriterionAnswerInput[] {
  const answered = ruleSet.criteria.filter((criterion) => criterion.derivation === null).sort((a, b) => a.position - b.position);
  const failing = recognitionPlan(code) === 'FAILS_CRITERION' ? answered[0]?.code : undefined;
  return answered.map((criterion) => ({
    criterionCode: criterion.code,
    met: criterion.code !== failing,
    evidence: criterion.code === failing ? 'Chưa đủ hồ sơ chứng minh tại thời điểm tự đánh giá' : 'Hồ sơ, biên bản lưu tại đơn vị',
  }));
}

/**
 * Item scores (hundredths, each within its maximum) summing to a total inside the band of `target` under the rule set's bands
 * (read from the data, never assumed): EXCELLENT up to 100, WEAK from 30.
 */
export function scoresFor(ruleSet: RuleSetView, target: Classification, code: string): ScoreInput[] {
  const bands = [...ruleSet.bands].sort((a, b) => a.minScore - b.minScore);
  const index = bands.findIndex((band) => band.classification === target);
  const band = bands[index] ?? bands[0];
  const lowH = Math.round(Math.max(band?.minScore ?? 0, target === 'WEAK' ? 30 : 0) * 100);
  const highH = index + 1 < bands.length ? Math.round((bands[index + 1]?.minScore ?? 100) * 100) - 1 : 10_000;
  const maxTotalH = ruleSet.items.reduce((sum, item) => sum + Math.round(item.maxPoints * 100), 0);
  const totalH = Math.min(maxTotalH, lowH + Math.floor(((highH - lowH) * draw(code, 'score')) / 1000));
  const scoresH = ruleSet.items.map((item) => Math.floor((Math.round(item.maxPoints * 100) * totalH) / maxTotalH));
  let remainder = totalH - scoresH.reduce((sum, score) => sum + score, 0);
  ruleSet.items.forEach((item, position) => {
    const room = Math.round(item.maxPoints * 100) - (scoresH[position] ?? 0);
    const add = Math.min(room, remainder);
    scoresH[position] = (scoresH[position] ?? 0) + add;
    remainder -= add;
  });
  return ruleSet.items.map((item, position) => ({
    itemCode: item.code,
    score: (scoresH[position] ?? 0) / 100,
    evidence: position === 0 ? 'Hồ sơ tự chấm điểm năm 2024, lưu tại đơn vị' : null,
  }));
}

/** Runs `work` over `items`, `concurrency` at a time; the first failure stops the rest and is thrown. */
async function eachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failure !== null) throw failure;
}

/** Waits until the service's facts hold `expected` registrations of the year (campaigns' events, through Kafka). */
export async function waitForRegistrations(prisma: PrismaClient, expected: number, timeoutMs: number, log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let held = await prisma.unitRegistration.count({ where: { year: YEAR } });
  if (held < expected) log(`demo assessments: waiting for campaigns' ${expected} registrations of ${YEAR} (${held} projected so far)`);
  while (held < expected) {
    if (Date.now() > deadline) {
      throw new Error(
        `demo assessments: only ${held} of campaigns' ${expected} registrations of ${YEAR} reached assessments within ${Math.round(timeoutMs / 1000)} s. ` +
          'Is the assessments service running with its facts consumer (group assessments.facts) and campaigns\' outbox relay publishing?',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    held = await prisma.unitRegistration.count({ where: { year: YEAR } });
  }
  return held;
}

/**
 * Thái Bình's 2024 assessment year through the assessments domain's own commands, on the 2024 tree, with the clock walking
 * to each phase's end: incidents registered in about 1.5% of residential areas' windows (R6); every registered unit in the
 * standard's scope scores itself against the rule set in force for its kind (totals aimed at about 7% EXCELLENT, 53% GOOD,
 * 30% AVERAGE, 10% WEAK under the rule set's bands) and submits; about 2% are returned with a reason and submitted again,
 * about 3% have an item re-scored with a reason; each is approved through the review chain the domain names (publishing its
 * classification). The competent People's Committee (R2, dated configuration) then decides the units registered for the
 * safe standard: about 88% ACHIEVED, 6% NOT_ACHIEVED, the rest pending; incident areas are refused by R6 and decided
 * NOT_ACHIEVED, and so is a unit the domain refuses ACHIEVED on another criterion (an agency, department or enterprise without an
 * effective model); communes after their units, on R7 computed from the registrations and recognitions once final (a commune
 * that fails it for good is NOT_ACHIEVED; one whose R7 is not final and could still pass is left pending). About 1% of recognitions are revoked on 20/12; in January 2025 two refusals are corrected to ACHIEVED and two
 * classifications corrected, each with a reason (R30). Does nothing when the database already holds an assessment.
 */
export async function loadDemoAssessments(prisma: PrismaClient, options: DemoAssessmentsOptions): Promise<DemoAssessmentsOutcome> {
  const { log, concurrency } = options;
  const empty: DemoAssessmentsOutcome = {
    loaded: false,
    assessments: 0,
    returned: 0,
    rescored: 0,
    classifications: { EXCELLENT: 0, GOOD: 0, AVERAGE: 0, WEAK: 0 },
    classificationCorrections: 0,
    incidents: 0,
    recognitions: { recognised: 0, notRecognised: 0, revoked: 0, corrected: 0, pending: 0 },
    refusedOnCriteria: 0,
    communes: { passR7: 0, failR7: 0, awaitingFinalR7: 0, refusedOnCriteria: 0 },
  };
  if ((await prisma.assessment.count()) > 0) return empty;
  const provinceCode = options.provinceCode ?? 'TB';
  const directory = new UnitDirectory(prisma);
  const province = await directory.unitByCode(provinceCode, TREE_DATE);
  if (!province) throw new Error(`The assessments unit directory has no unit ${provinceCode} on ${TREE_DATE}: is the unit directory consumer running?`);
  await waitForRegistrations(prisma, options.expectedRegistrations, options.registrationsTimeoutMs, log);
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  let today = '2024-10-31';
  const clock: Clock = { today: () => today, now: () => new Date() };
  const services = createAssessmentsDomain(prisma, clock, { dates: options.dates, evidence: options.evidence ?? (await demoEvidenceRules()) }).forRequest();

  // Read once: the tree of 2024 (codes for the officers' names), the registrations, the rule sets per kind.
  const everyUnit = await directory.descendantsOf(province.unitId, TREE_DATE);
  const codeOf = new Map<string, string>([[province.unitId, province.code], ...everyUnit.map((unit) => [unit.unitId, unit.code] as [string, string])]);
  const nameOf = new Map<string, string>([[province.unitId, province.name], ...everyUnit.map((unit) => [unit.unitId, unit.name] as [string, string])]);
  const officer = (role: Role, unitId: string, prefix: string): Identity => ({
    subject: `${prefix}@${(codeOf.get(unitId) ?? unitId).toLowerCase()}`,
    roles: [role],
    jurisdictionUnitId: unitId,
  });
  const levelOfficer = (unitId: string) => officer('LEVEL_OFFICER', unitId, 'ubnd');
  const unitOfficer = (unitId: string) => officer('UNIT_OFFICER', unitId, 'canbo');
  const command = (caller: Identity) => ({ caller, correlationId: CORRELATION });
  const provinceOfficer = officer('STEERING_OFFICER', province.unitId, 'pv05');

  const registrations = new Map<string, boolean>();
  for (const row of await prisma.unitRegistration.findMany({ where: { year: YEAR, withdrawnOn: null }, select: { unitId: true, forSafeStandard: true } })) {
    registrations.set(row.unitId, (registrations.get(row.unitId) ?? false) || row.forSafeStandard);
  }
  const inScope = everyUnit
    .filter((unit) => ASSESSED_KINDS.includes(unit.kind) && registrations.has(unit.unitId) && safeStandardScope(unit.kind, unit.attributes).applies)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ruleSets = new Map<string, RuleSetView>();
  for (const kind of ASSESSED_KINDS) {
    const ruleSet = await services.ruleSets.inForce(provinceCode, kind, YEAR);
    if (ruleSet) ruleSets.set(kind, ruleSet);
  }
  const assessed = inScope.filter((unit) => ruleSets.has(unit.kind));
  log(`demo assessments: ${assessed.length} registered units in scope to assess (${inScope.length - assessed.length} without a rule set for their kind)`);

  // R6: incidents in about 1.5% of the registered residential areas' windows, recorded by their commune.
  const incidentAreas = inScope.filter((unit) => unit.kind === 'RESIDENTIAL_AREA' && registrations.get(unit.unitId) && draw(unit.code, 'incident') < 15);
  await eachConcurrently(incidentAreas, concurrency, async (unit) => {
    const roll = draw(unit.code, 'incident-date');
    await services.incidents.record(command(levelOfficer(unit.parentId ?? province.unitId)), {
      unitId: unit.unitId,
      type: INCIDENT_TYPES[roll % INCIDENT_TYPES.length] ?? 'COMPLEX_SECURITY_CASE',
      occurredOn: `2024-0${1 + (roll % 9)}-${String(1 + (roll % 28)).padStart(2, '0')}`,
      description: 'Vụ việc được Công an xã ghi nhận và báo cáo trong kỳ đánh giá',
    });
  });

  // Self-assessment, review and approval, one unit at a time per worker, each command its own transaction.
  today = '2024-11-30';
  let returned = 0;
  let rescored = 0;
  let approvalNumber = 0;
  await eachConcurrently(assessed, concurrency, async (unit) => {
    const ruleSet = ruleSets.get(unit.kind) as RuleSetView;
    const residential = unit.kind === 'RESIDENTIAL_AREA';
    const scores = scoresFor(ruleSet, targetClass(unit.code), unit.code);
    const criteria = criteriaAnswersFor(ruleSet, unit.code);
    const submit = (submittedOn: string) => services.assessments.submit(command(unitOfficer(unit.unitId)), { unitId: unit.unitId, year: YEAR, submittedOn, scores, criteria });
    let assessment: AssessmentView = await submit(residential ? '2024-11-04' : '2024-11-18');
    if (draw(unit.code, 'return') < 20) {
      await services.assessments.returnToUnit(command(levelOfficer(assessment.reviewingUnitId)), {
        assessmentId: assessment.id,
        reason: 'Hồ sơ thiếu biên bản họp xét tự đánh giá; đề nghị bổ sung và gửi lại',
      });
      assessment = await submit(residential ? '2024-11-08' : '2024-11-22');
      returned += 1;
    } else if (draw(unit.code, 'rescore') < 30) {
      const item = ruleSet.items.reduce((best, candidate) => (candidate.maxPoints > best.maxPoints ? candidate : best));
      const current = assessment.scores.find((score) => score.itemCode === item.code)?.score ?? 0;
      assessment = await services.assessments.rescore(command(levelOfficer(assessment.reviewingUnitId)), {
        assessmentId: assessment.id,
        itemCode: item.code,
        score: Math.max(0, Math.round((current - Math.min(2, current)) * 100) / 100),
        reason: 'Thẩm định: chưa có tài liệu chứng minh đầy đủ cho tiêu chí này',
      });
      rescored += 1;
    }
    approvalNumber += 1;
    await approveThroughChain(services.assessments, levelOfficer, assessment, residential ? '2024-11-15' : '2024-11-27', `${100 + (approvalNumber % 900)}/QĐ-UBND`, CORRELATION);
  });
  log(`demo assessments: ${assessed.length} assessments submitted and approved (${returned} returned, ${rescored} re-scored) after ${seconds()}`);

  // Recognition by the competent People's Committee (R2, from the dated configuration), communes after their units.
  today = '2024-12-31';
  const forSafeStandard = inScope.filter((unit) => registrations.get(unit.unitId));
  // R2 depends on the unit's kind, its managing unit (else parent) and the date only: asked of the domain once per such key.
  const bodies = new Map<string, Promise<string | null>>();
  const bodyOf = (unit: DirectoryEntry, date: string) => {
    const key = `${unit.kind}|${unit.managingUnitId ?? unit.parentId}|${date}`;
    if (!bodies.has(key)) bodies.set(key, services.recognitions.recognisingBodyOf(provinceOfficer, unit.unitId, date).then((body) => body?.bodyUnitId ?? null));
    return bodies.get(key) as Promise<string | null>;
  };
  const decide = async (unit: DirectoryEntry, achieved: boolean, decidedOn: string, reason: string | null) => {
    const bodyUnitId = await bodyOf(unit, decidedOn);
    if (!bodyUnitId) throw new Error(`demo assessments: no recognising body for ${unit.code} on ${decidedOn}`);
    const number = `${100 + (draw(unit.code, 'decision') % 800)}/QĐ-UBND`;
    await services.recognitions.decide(command(levelOfficer(bodyUnitId)), {
      unitId: unit.unitId,
      year: YEAR,
      outcome: achieved ? 'ACHIEVED' : 'NOT_ACHIEVED',
      decidedOn,
      decisionNumber: number,
      reason: achieved ? null : reason,
      certificateSigner: achieved ? `Chủ tịch UBND ${nameOf.get(bodyUnitId) ?? ''}`.trim() : null,
    });
  };
  // ACHIEVED when every criterion is met; else the domain refuses it (RECOGNITION_CRITERION_FAILED) and the unit is decided
  // NOT_ACHIEVED naming the failed criteria. Answers the failed criteria, or null when recognised.
  const decideAchievedOrRefused = async (unit: DirectoryEntry, decidedOn: string): Promise<string[] | null> => {
    const failed = await decide(unit, true, decidedOn, null).then(
      () => null,
      (error: unknown) => {
        if (error instanceof DomainError && error.reason === 'RECOGNITION_CRITERION_FAILED') return (error.details['criteria'] as string[] | undefined) ?? [];
        throw error;
      },
    );
    if (failed !== null) await decide(unit, false, decidedOn, `Chưa đạt tiêu chí: ${failed.join(', ')}`);
    return failed;
  };
  const incidentIds = new Set(incidentAreas.map((unit) => unit.unitId));
  let unitsRefusedOnCriteria = 0;
  await eachConcurrently(
    forSafeStandard.filter((unit) => unit.kind !== 'COMMUNE'),
    concurrency,
    async (unit) => {
      const decidedOn = unit.kind === 'RESIDENTIAL_AREA' ? '2024-11-25' : '2024-12-10';
      const plan = recognitionPlan(unit.code);
      if (incidentIds.has(unit.unitId)) {
        // The committee would recognise it; the domain refuses ACHIEVED (R6) and the area is decided NOT_ACHIEVED.
        const refused = await decide(unit, true, decidedOn, null).then(
          () => false,
          (error: unknown) => error instanceof DomainError && error.reason === 'RECOGNITION_CRITERION_FAILED',
        );
        if (!refused) throw new Error(`demo assessments: ${unit.code} has an incident in its window but was recognised`);
        await decide(unit, false, decidedOn, 'Để xảy ra vụ việc về an ninh, trật tự thuộc danh mục trong kỳ đánh giá (tiêu chí 3)');
      } else if (plan === 'ACHIEVED') {
        // An agency, department or enterprise without an effective model (models' fact) is refused by the domain (A_5, D_5, E_5).
        if ((await decideAchievedOrRefused(unit, decidedOn)) !== null) unitsRefusedOnCriteria += 1;
      } else if (plan === 'FAILS_CRITERION') await decide(unit, false, decidedOn, 'Chưa đạt tiêu chí 1: chưa có 100% hộ gia đình đăng ký thực hiện phong trào');
      else if (plan === 'REFUSED') await decide(unit, false, decidedOn, 'Hội đồng xét chưa nhận được biên bản xác minh tiêu chí 1 trước ngày xét');
    },
  );
  const communes = forSafeStandard.filter((unit) => unit.kind === 'COMMUNE');
  // The commune police discipline fact (no disciplined officer), recorded by the level above the commune on the 2024 tree.
  await eachConcurrently(communes, concurrency, async (unit) => {
    await services.discipline.record(command(levelOfficer(unit.parentId ?? province.unitId)), {
      communeId: unit.unitId,
      year: YEAR,
      disciplinedOfficers: 0,
      recordedOn: '2024-12-05',
      note: 'Công an huyện xác nhận: không có cán bộ, chiến sĩ Công an xã bị kỷ luật trong năm',
    });
  });
  const r7 = new Map((await services.derivedRules.evaluate(communes.map((unit) => unit.unitId), YEAR)).map((rule) => [rule.communeId, rule]));
  let passR7 = 0;
  let awaitingFinalR7 = 0;
  let refusedOnCriteria = 0;
  await eachConcurrently(communes, concurrency, async (unit) => {
    const rule = r7.get(unit.unitId);
    // R7 is computed once the subordinate window is final (every managed unit decided): a commune that could still pass waits.
    const undecided = rule ? rule.managedUnits - rule.decided : 0;
    const canStillPass = rule !== undefined && rule.managedUnits > 0 && rule.allRegistered && (rule.recognised + undecided) * 10 >= rule.managedUnits * 7;
    if (rule && !rule.final && canStillPass) {
      awaitingFinalR7 += 1;
      return;
    }
    if (rule?.passes) {
      passR7 += 1;
      if (recognitionPlan(unit.code) === 'PENDING') return;
      // ACHIEVED stands only when every criterion is met: a commune without an effective model (models' fact) is refused by the domain.
      if ((await decideAchievedOrRefused(unit, '2024-12-15')) !== null) refusedOnCriteria += 1;
    } else {
      const inputs = rule ? `${rule.registered}/${rule.managedUnits} đơn vị đăng ký, ${rule.recognised}/${rule.managedUnits} (${rule.recognisedPercent}%) được công nhận` : 'không có đơn vị trực thuộc';
      await decide(unit, false, '2024-12-15', `Không đạt tiêu chí 100% đơn vị trực thuộc đăng ký và ≥ 70% được công nhận (${inputs})`);
    }
  });
  log(`demo assessments: safe-standard decisions taken (${passR7} of ${communes.length} communes pass R7, ${awaitingFinalR7} wait for it to be final) after ${seconds()}`);

  // About 1% of recognitions revoked on 20/12 (R30), by the competent level on that date.
  const recognised = await prisma.safeStandardRecognition.findMany({ where: { year: YEAR, status: 'RECOGNISED' }, select: { unitId: true } });
  const recognisedIds = new Set(recognised.map((row) => row.unitId));
  const revoking = forSafeStandard.filter((unit) => recognisedIds.has(unit.unitId) && unit.kind !== 'COMMUNE' && draw(unit.code, 'recognition') < 130);
  await eachConcurrently(revoking, concurrency, async (unit) => {
    const bodyUnitId = await bodyOf(unit, '2024-12-20');
    await services.recognitions.revoke(command(levelOfficer(bodyUnitId ?? province.unitId)), {
      unitId: unit.unitId,
      year: YEAR,
      revokedOn: '2024-12-20',
      reason: 'Để xảy ra vụ việc phức tạp về an ninh, trật tự sau khi được công nhận',
    });
  });

  // January 2025: audited corrections (R30), two refusals found to have met the standard and two classifications re-checked.
  today = '2025-01-20';
  const refusedIds = new Set(
    (await prisma.safeStandardRecognition.findMany({ where: { year: YEAR, status: 'NOT_RECOGNISED', unitKind: { not: 'COMMUNE' } }, select: { unitId: true } })).map((row) => row.unitId),
  );
  // The committee's refusals (draw REFUSED) in unit order; one whose assessment fails a derived criterion (an agency without an
  // effective model: A_5) cannot be corrected to ACHIEVED (the domain refuses it), so the next candidate is taken.
  const candidates = forSafeStandard.filter((unit) => refusedIds.has(unit.unitId) && !incidentIds.has(unit.unitId) && recognitionPlan(unit.code) === 'REFUSED');
  let corrected = 0;
  for (const unit of candidates) {
    if (corrected === 2) break;
    const bodyUnitId = await bodyOf(unit, '2025-01-15');
    const done = await services.recognitions
      .correct(command(levelOfficer(bodyUnitId ?? province.unitId)), {
        unitId: unit.unitId,
        year: YEAR,
        outcome: 'ACHIEVED',
        correctedOn: '2025-01-15',
        reason: 'Phúc tra hồ sơ: đơn vị đã có đủ 100% hộ gia đình đăng ký từ trước ngày xét; đính chính kết quả',
        decisionNumber: `${draw(unit.code, 'correction') % 90 + 10}/QĐ-UBND`,
      })
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof DomainError && error.reason === 'RECOGNITION_CRITERION_FAILED') return false;
          throw error;
        },
      );
    if (done) corrected += 1;
  }
  const weakAndAverage = ['WEAK', 'AVERAGE'] as const;
  let classificationCorrections = 0;
  for (const target of weakAndAverage) {
    const row = await prisma.unitClassification.findFirst({ where: { year: YEAR, classification: target }, orderBy: { unitId: 'asc' } });
    if (!row) continue;
    await services.assessments.correctClassification(command(levelOfficer(row.decidingUnitId)), {
      unitId: row.unitId,
      year: YEAR,
      score: Math.min(100, Math.round((row.score + 6) * 100) / 100),
      reason: 'Phúc tra: tiêu chí phối hợp được chấm thiếu điểm do bỏ sót biên bản; đính chính điểm',
      decidedOn: '2025-01-15',
      decisionNumber: `${draw(row.unitId, 'classification-correction') % 90 + 10}/QĐ-UBND`,
    });
    classificationCorrections += 1;
  }

  const classes = await prisma.unitClassification.groupBy({ by: ['classification'], where: { year: YEAR }, _count: { _all: true } });
  const statuses = await prisma.safeStandardRecognition.groupBy({ by: ['status'], where: { year: YEAR }, _count: { _all: true } });
  const statusCount = (status: string) => statuses.find((row) => row.status === status)?._count._all ?? 0;
  const decided = statuses.reduce((sum, row) => sum + row._count._all, 0);
  const outcome: DemoAssessmentsOutcome = {
    loaded: true,
    assessments: await prisma.assessment.count({ where: { year: YEAR, status: 'APPROVED' } }),
    returned,
    rescored,
    classifications: Object.fromEntries(CLASSES.map((name) => [name, classes.find((row) => row.classification === name)?._count._all ?? 0])) as Record<Classification, number>,
    classificationCorrections,
    incidents: incidentAreas.length,
    recognitions: { recognised: statusCount('RECOGNISED'), notRecognised: statusCount('NOT_RECOGNISED'), revoked: statusCount('REVOKED'), corrected, pending: forSafeStandard.length - decided },
    refusedOnCriteria: unitsRefusedOnCriteria,
    communes: { passR7, failR7: communes.length - passR7 - awaitingFinalR7, awaitingFinalR7, refusedOnCriteria },
  };
  const c = outcome.classifications;
  const r = outcome.recognitions;
  log(
    `demo assessments: ${outcome.assessments} classifications (${c.EXCELLENT} EXCELLENT, ${c.GOOD} GOOD, ${c.AVERAGE} AVERAGE, ${c.WEAK} WEAK; ${classificationCorrections} corrected), ` +
      `${r.recognised} recognised, ${r.notRecognised} not, ${r.revoked} revoked, ${r.corrected} corrected, ${r.pending} pending, ${outcome.incidents} incidents (R6), ` +
      `${unitsRefusedOnCriteria} other units refused on a derived criterion, ` +
      `${outcome.communes.failR7} communes failing R7, ${awaitingFinalR7} waiting for R7 to be final and ${refusedOnCriteria} refused on another criterion, in ${seconds()}`,
  );
  return outcome;
}
