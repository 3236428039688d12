import { randomUUID } from 'node:crypto';
import { type Caller, type Identity, type Role, SYSTEM_ADMIN, requireCaller, requireRole } from '@antt/auth';
import { type Clock, type DateRange, inputDate, inputId, inputText } from '@antt/service-kit';
import { safeStandardScope } from '@antt/unit-directory';
import { classificationDecided } from '../classification/classification.events';
import { classify, totalScore } from '../classification/classification.rules';
import { proposeOutcome } from '../criteria/criteria.rules';
import { type CriterionAnswerView, type CriterionResultView, type OverrideCriterionInput, type SafeStandardProposalView } from '../criteria/criteria.types';
import { type ClassificationRevisionView, type ClassificationView, type CorrectClassificationInput } from '../classification/classification.types';
import { recognitionErrors } from '../recognition/recognition.errors';
import { type CommandContext } from '../recognition/recognition.service';
import { type ReviewPlanView } from '../rule-set/review-plan.types';
import { type RuleSetView } from '../rule-set/rule-set.types';
import { isSystemAdmin, seesUnit } from '../shared';
import { evaluateWhatIfCriteria } from '../what-if/what-if-criteria';
import { assessmentErrors } from './assessment.errors';
import { chainAsOf, isOverdue, planReviewChain, reviewDeadlineOf, treeLevelsOf } from './review-chain';
import { assessmentApproved, assessmentReturned, assessmentSubmitted } from './assessment.events';
import { type AssessmentRepository, type AssessmentTransaction } from './assessment.repository';
import {
  type ApproveAssessmentInput,
  type AssessmentChangeView,
  type AssessmentView,
  type RescoreInput,
  type ReviewChainStepView,
  type ReviewStepView,
  type ReturnAssessmentInput,
  type ScoreView,
  type SubmitAssessmentInput,
  type WhatIfView,
} from './assessment.types';

/** Who submits: a unit officer for its own unit, a level for the units of its jurisdiction. */
export const SUBMITTER_ROLES: readonly Role[] = ['UNIT_OFFICER', 'LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];
/** Who reviews: the officers of a level. */
export const REVIEWER_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];

const MAX_ITEMS = 50;

/**
 * Self-assessment and review (Decision 510 Art. 11). A unit scores itself against the rule set in force for its province, kind
 * and year, item by item, and submits; the level that managed it on the submission date (from the dated tree) reviews it: re-scores
 * an item with a reason (audited before, after, who, when, why), returns it with a reason, or approves it, which publishes the
 * classification (R11 total of clamped scores, class from the rule set's bands, R12 dossier = the submission and its score table).
 */
export class AssessmentService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  async submit(context: CommandContext, raw: SubmitAssessmentInput): Promise<AssessmentView> {
    const identity = requireRole(context.caller, SUBMITTER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const year = this.year(raw.year);
    const submittedOn = inputDate(raw.submittedOn, { field: 'submittedOn', range: this.dates });
    this.notInFuture('submittedOn', submittedOn);
    const submittedYear = Number(submittedOn.slice(0, 4));
    if (submittedYear < year || submittedYear > year + 1) throw recognitionErrors.dateOutsideYear(submittedOn, year);
    if (raw.scores.length > MAX_ITEMS) throw assessmentErrors.tooManyItems('scores', MAX_ITEMS);
    const entries = raw.scores.map((entry, index) => ({
      itemCode: entry.itemCode,
      score: this.score(entry.score, `scores[${index}].score`),
      evidence: entry.evidence === null || entry.evidence === undefined ? null : inputText(entry.evidence, { field: `scores[${index}].evidence`, max: 2000, multiline: true }),
    }));
    const rawAnswers = raw.criteria ?? [];
    if (rawAnswers.length > MAX_ITEMS) throw assessmentErrors.tooManyItems('criteria', MAX_ITEMS);
    const answerEntries = rawAnswers.map((entry, index) => ({
      criterionCode: entry.criterionCode,
      met: this.met(entry.met, `criteria[${index}].met`),
      evidence: entry.evidence === null || entry.evidence === undefined ? null : inputText(entry.evidence, { field: `criteria[${index}].evidence`, max: 2000, multiline: true }),
    }));

    return this.assessments.transaction(async (tx) => {
      const unit = await tx.directory.unitAt(unitId, submittedOn);
      if (!unit || !(await seesUnit(tx.directory, identity, unitId, [submittedOn]))) throw recognitionErrors.unitNotFound(unitId, 'unitId', submittedOn);
      const unitOfficerOnly = identity.roles.every((role) => role === 'UNIT_OFFICER');
      if (unitOfficerOnly && identity.jurisdictionUnitId !== unitId) throw assessmentErrors.ownUnitOnly(unitId);
      const scope = safeStandardScope(unit.kind, unit.attributes);
      if (!scope.applies) throw recognitionErrors.outOfScope(unitId, scope.reason ?? 'KIND_NOT_IN_SCOPE');
      const province = await tx.directory.ancestorOfKind(unitId, ['PROVINCE'], submittedOn);
      const ruleSet = province ? await tx.ruleSets.inForce(province.code, unit.kind, year) : null;
      if (!ruleSet) throw assessmentErrors.ruleSetNotFound(province?.code ?? '?', unit.kind, year);
      const scores = this.scoresAgainst(ruleSet, entries);
      const answers = this.answersAgainst(ruleSet, answerEntries);
      const treeLevels = await treeLevelsOf(tx.directory, unit, submittedOn);
      if (treeLevels.length === 0) throw recognitionErrors.noRecognisingBody(unitId, submittedOn);
      const plan = await tx.reviewPlans.inForce(province?.code ?? '?', unit.kind, year);
      if (!plan) throw assessmentErrors.reviewPlanNotFound(province?.code ?? '?', unit.kind, year);
      const chain = planReviewChain(treeLevels, plan, year);
      const [firstLevel] = chain;
      if (firstLevel === undefined) throw assessmentErrors.noReviewLevel(unitId, plan.code, submittedOn);
      const reviewSteps: ReviewStepView[] = chain.map((step, position) => ({ position, levelUnitId: step.levelUnitId, status: 'PENDING', decidedOn: null, actor: null, deadline: step.deadline }));

      await tx.lockUnitYear(unitId, year);
      const existing = await tx.ofUnitAndYear(unitId, year);
      if (existing && existing.status !== 'RETURNED') throw assessmentErrors.alreadySubmitted(unitId, year);
      const assessment: AssessmentView = {
        id: existing?.id ?? randomUUID(),
        unitId,
        unitKind: unit.kind as AssessmentView['unitKind'],
        year,
        ruleSetId: ruleSet.id,
        status: 'SUBMITTED',
        reviewingUnitId: firstLevel.levelUnitId,
        submittedOn,
        returnReason: null,
        approvedOn: null,
        revision: (existing?.revision ?? 0) + 1,
        scores,
        currentStep: 0,
        reviewSteps,
        reviewPlanId: plan.id,
      };
      await tx.save(assessment);
      await tx.saveAnswers(assessment.id, answers);
      await tx.audit(assessment.id, { action: 'SUBMITTED', fromStatus: existing?.status ?? null, toStatus: 'SUBMITTED', actor: identity.subject, actorUnitId: identity.jurisdictionUnitId });
      await tx.appendEvents([assessmentSubmitted(assessment, ruleSet.code, this.total(ruleSet, assessment), context.correlationId)]);
      return assessment;
    });
  }

  async rescore(context: CommandContext, raw: RescoreInput): Promise<AssessmentView> {
    const identity = requireRole(context.caller, REVIEWER_ROLES);
    const assessmentId = inputId(raw.assessmentId, { field: 'assessmentId' });
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const newScore = this.score(raw.score, 'score');
    const today = this.clock.today();
    return this.assessments.transaction(async (tx) => {
      const { assessment, ruleSet } = await this.underReview(tx, identity, assessmentId, today);
      const item = ruleSet.items.find((candidate) => candidate.code === raw.itemCode);
      if (!item) throw assessmentErrors.itemUnknown('itemCode', raw.itemCode);
      if (newScore > item.maxPoints) throw assessmentErrors.scoreAboveMaximum('score', newScore, item.maxPoints);
      const before = assessment.scores.find((score) => score.itemCode === item.code)?.score ?? 0;
      const rescored: AssessmentView = {
        ...assessment,
        revision: assessment.revision + 1,
        scores: assessment.scores.map((score) => (score.itemCode === item.code ? { ...score, score: newScore } : score)),
      };
      await tx.save(rescored);
      await tx.audit(assessment.id, {
        action: 'RESCORED',
        itemCode: item.code,
        before,
        after: newScore,
        fromStatus: 'SUBMITTED',
        toStatus: 'SUBMITTED',
        actor: identity.subject,
        actorUnitId: identity.jurisdictionUnitId,
        reason,
      });
      return rescored;
    });
  }

  async returnToUnit(context: CommandContext, raw: ReturnAssessmentInput): Promise<AssessmentView> {
    const identity = requireRole(context.caller, REVIEWER_ROLES);
    const assessmentId = inputId(raw.assessmentId, { field: 'assessmentId' });
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const today = this.clock.today();
    return this.assessments.transaction(async (tx) => {
      const { assessment, ruleSet } = await this.underReview(tx, identity, assessmentId, today);
      const returned: AssessmentView = {
        ...assessment,
        status: 'RETURNED',
        returnReason: reason,
        revision: assessment.revision + 1,
        reviewSteps: this.decideStep(assessment, 'RETURNED', today, identity.subject),
      };
      await tx.save(returned);
      await tx.audit(assessment.id, { action: 'RETURNED', fromStatus: 'SUBMITTED', toStatus: 'RETURNED', actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, reason });
      await tx.appendEvents([assessmentReturned(returned, ruleSet.code, this.total(ruleSet, returned), today, context.correlationId)]);
      return returned;
    });
  }

  async approve(context: CommandContext, raw: ApproveAssessmentInput): Promise<AssessmentView> {
    const identity = requireRole(context.caller, REVIEWER_ROLES);
    const assessmentId = inputId(raw.assessmentId, { field: 'assessmentId' });
    const approvedOn = inputDate(raw.approvedOn, { field: 'approvedOn', range: this.dates });
    this.notInFuture('approvedOn', approvedOn);
    const decisionNumber = raw.decisionNumber === null || raw.decisionNumber === undefined ? null : inputText(raw.decisionNumber, { field: 'decisionNumber', max: 100 });
    return this.assessments.transaction(async (tx) => {
      const { assessment, ruleSet } = await this.underReview(tx, identity, assessmentId, approvedOn);
      if (approvedOn < assessment.submittedOn) throw assessmentErrors.dateBeforeSubmission('approvedOn', approvedOn, assessment.submittedOn);
      const previousDecision = assessment.reviewSteps[assessment.currentStep - 1]?.decidedOn ?? null;
      if (previousDecision !== null && approvedOn < previousDecision) throw assessmentErrors.dateBeforeSubmission('approvedOn', approvedOn, previousDecision);
      const reviewSteps = this.decideStep(assessment, 'APPROVED', approvedOn, identity.subject);
      const next = reviewSteps[assessment.currentStep + 1];
      if (next) {
        // Not the last level: this level's approval passes the assessment up the chain (audited; no event, the state is unchanged).
        const forwarded: AssessmentView = { ...assessment, reviewSteps, currentStep: next.position, reviewingUnitId: next.levelUnitId, revision: assessment.revision + 1 };
        await tx.save(forwarded);
        await tx.audit(assessment.id, { action: 'FORWARDED', fromStatus: 'SUBMITTED', toStatus: 'SUBMITTED', actor: identity.subject, actorUnitId: identity.jurisdictionUnitId });
        return forwarded;
      }
      if (await tx.classifications.ofUnitAndYear(assessment.unitId, assessment.year)) throw assessmentErrors.classificationPublished(assessment.unitId, assessment.year);
      const approved: AssessmentView = { ...assessment, status: 'APPROVED', approvedOn, revision: assessment.revision + 1, reviewSteps };
      const score = this.total(ruleSet, approved);
      const classification: ClassificationView = {
        id: randomUUID(),
        unitId: assessment.unitId,
        unitKind: assessment.unitKind,
        year: assessment.year,
        assessmentId: assessment.id,
        classification: classify(ruleSet.bands, score),
        score,
        ruleSetCode: ruleSet.code,
        decidingUnitId: assessment.reviewingUnitId,
        decidedOn: approvedOn,
        decisionNumber,
        revision: 1,
      };
      await tx.save(approved);
      await tx.classifications.insert(classification);
      await tx.classifications.addRevision(classification, { subject: identity.subject, unitId: identity.jurisdictionUnitId }, null);
      await tx.audit(assessment.id, { action: 'APPROVED', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', actor: identity.subject, actorUnitId: identity.jurisdictionUnitId });
      await tx.appendEvents([assessmentApproved(approved, ruleSet.code, score, context.correlationId), classificationDecided(classification, context.correlationId)]);
      return approved;
    });
  }

  /**
   * The level whose turn it is changes the unit's answer to an answered criterion, with a reason (audited: criterion, before,
   * after, who, when, why). Derived criteria (R6 incidents, effective model, discipline, R7) are never overridden: their inputs are.
   */
  async overrideCriterion(context: CommandContext, raw: OverrideCriterionInput): Promise<AssessmentView> {
    const identity = requireRole(context.caller, REVIEWER_ROLES);
    const assessmentId = inputId(raw.assessmentId, { field: 'assessmentId' });
    const met = this.met(raw.met, 'met');
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const today = this.clock.today();
    return this.assessments.transaction(async (tx) => {
      const { assessment, ruleSet } = await this.underReview(tx, identity, assessmentId, today);
      const criterion = ruleSet.criteria.find((candidate) => candidate.code === raw.criterionCode);
      if (!criterion) throw assessmentErrors.criterionUnknown('criterionCode', raw.criterionCode);
      if (criterion.derivation !== null) throw assessmentErrors.criterionDerived('criterionCode', criterion.code, criterion.derivation);
      const answer = (await tx.criteria.answers(assessment.id)).find((candidate) => candidate.criterionCode === criterion.code);
      if (!answer) throw assessmentErrors.criterionNotAnswered(criterion.code);
      const overridden: AssessmentView = { ...assessment, revision: assessment.revision + 1 };
      await tx.overrideAnswer(assessment.id, criterion.code, met, reason);
      await tx.save(overridden);
      await tx.audit(assessment.id, {
        action: 'CRITERION_OVERRIDDEN',
        criterionCode: criterion.code,
        beforeMet: answer.met,
        afterMet: met,
        fromStatus: 'SUBMITTED',
        toStatus: 'SUBMITTED',
        actor: identity.subject,
        actorUnitId: identity.jurisdictionUnitId,
        reason,
      });
      return overridden;
    });
  }

  /** The safe-standard criteria of an assessment as they stand today: answers, overrides, derived values with their inputs. */
  async criteriaOf(assessment: AssessmentView): Promise<CriterionResultView[]> {
    const ruleSet = await this.assessments.ruleSets.find(assessment.ruleSetId);
    if (!ruleSet) throw new Error(`Rule set ${assessment.ruleSetId} of assessment ${assessment.id} is missing`);
    return this.assessments.criteria.evaluate({ assessmentId: assessment.id, unitId: assessment.unitId, year: assessment.year, ruleSet }, this.clock.today());
  }

  /** The outcome the assessment proposes for recognition (ACHIEVED only when every criterion is met). */
  async proposalOf(assessment: AssessmentView): Promise<SafeStandardProposalView> {
    return proposeOutcome(await this.criteriaOf(assessment));
  }

  /** The review chain as shown today: the current level's step, and each step still pending after its own level's deadline overdue. */
  reviewChainOf(assessment: AssessmentView): ReviewChainStepView[] {
    return chainAsOf(assessment, this.clock.today());
  }

  /** The review plan the assessment's chain was built from (null for chains built before review plans existed). */
  reviewPlanOf(assessment: AssessmentView): Promise<ReviewPlanView | null> {
    return assessment.reviewPlanId === null ? Promise.resolve(null) : this.assessments.reviewPlans.find(assessment.reviewPlanId);
  }

  /** The deadline of the level whose turn it is (of the level that returned it, when returned); null once approved. */
  reviewDeadlineOf(assessment: AssessmentView): string | null {
    return reviewDeadlineOf(assessment);
  }

  /**
   * R30: a published classification changes only through an audited correction by its deciding level (or a level above): a new
   * score (the class follows from the rule set's bands), a reason and a decision; the revision grows, every earlier revision stays
   * visible, and the state-carrying `assessments.classification.decided` is published again with the higher revision.
   */
  async correctClassification(context: CommandContext, raw: CorrectClassificationInput): Promise<ClassificationView> {
    const identity = requireRole(context.caller, REVIEWER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const year = this.year(raw.year);
    const score = this.score(raw.score, 'score');
    if (score > 100) throw assessmentErrors.scoreAboveMaximum('score', score, 100);
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const decidedOn = inputDate(raw.decidedOn, { field: 'decidedOn', range: this.dates });
    this.notInFuture('decidedOn', decidedOn);
    const decisionNumber = raw.decisionNumber === null || raw.decisionNumber === undefined ? null : inputText(raw.decisionNumber, { field: 'decisionNumber', max: 100 });
    return this.assessments.transaction(async (tx) => {
      await tx.lockUnitYear(unitId, year);
      const current = await tx.classifications.ofUnitAndYear(unitId, year);
      if (!current || !(await seesUnit(tx.directory, identity, unitId, [decidedOn, current.decidedOn]))) throw assessmentErrors.classificationNotFound(unitId, year);
      if (!isSystemAdmin(identity) && !(await tx.directory.isWithin(current.decidingUnitId, identity.jurisdictionUnitId, current.decidedOn))) {
        throw assessmentErrors.reviewerRequired(current.decidingUnitId);
      }
      if (decidedOn < current.decidedOn) throw assessmentErrors.dateBeforeSubmission('decidedOn', decidedOn, current.decidedOn);
      const assessment = await tx.find(current.assessmentId);
      const ruleSet = assessment ? await tx.ruleSets.find(assessment.ruleSetId) : null;
      if (!ruleSet) throw new Error(`Rule set of classification ${current.id} is missing`);
      const corrected: ClassificationView = { ...current, score, classification: classify(ruleSet.bands, score), decidedOn, decisionNumber, revision: current.revision + 1 };
      await tx.classifications.update(corrected);
      await tx.classifications.addRevision(corrected, { subject: identity.subject, unitId: identity.jurisdictionUnitId }, reason);
      await tx.appendEvents([classificationDecided(corrected, context.correlationId)]);
      return corrected;
    });
  }

  revisionsOf(classification: ClassificationView): Promise<ClassificationRevisionView[]> {
    return this.assessments.classifications.revisions(classification.id);
  }

  /**
   * "What if" (item 9): the assessment's current scores re-evaluated under another rule-set version of the same unit kind, each
   * item clamped to that version's maximum (items the assessment lacks count 0), and that version's safe-standard criteria
   * (`evaluateWhatIfCriteria`: answers by code, derived criteria from the facts the current evaluation reads). Read only: published
   * results are untouched.
   */
  async whatIf(caller: Caller, rawId: string, rawCode: string): Promise<WhatIfView | null> {
    const assessment = await this.find(caller, rawId, 'assessmentId');
    if (!assessment) return null;
    const code = inputText(rawCode, { field: 'ruleSetCode', max: 100 });
    const ruleSet = await this.assessments.ruleSets.byCode(code);
    if (!ruleSet) throw assessmentErrors.whatIfRuleSetNotFound(code);
    if (ruleSet.unitKind !== assessment.unitKind || ruleSet.track !== 'STANDARD') throw assessmentErrors.whatIfOtherKind(code, assessment.unitKind);
    const scores = new Map(assessment.scores.map((score) => [score.itemCode, score.score]));
    const totalScoreUnder = totalScore(ruleSet.items, scores);
    const current = await this.assessments.ruleSets.find(assessment.ruleSetId);
    if (!current) throw new Error(`Rule set ${assessment.ruleSetId} of assessment ${assessment.id} is missing`);
    const subject = { assessmentId: assessment.id, unitId: assessment.unitId, year: assessment.year };
    const reader = this.assessments.criteria;
    const [answers, [nowFacts, whatIfFacts]] = await Promise.all([reader.answers(assessment.id), reader.factsOf([{ ...subject, ruleSet: current }, { ...subject, ruleSet }], this.clock.today())]);
    if (!nowFacts || !whatIfFacts) throw new Error('factsOf answered fewer facts than subjects');
    return {
      ...evaluateWhatIfCriteria(current.criteria, ruleSet.criteria, answers, nowFacts, whatIfFacts),
      assessment,
      ruleSet,
      items: ruleSet.items.map((item) => ({
        itemCode: item.code,
        maxPoints: item.maxPoints,
        score: Math.min(Math.max(scores.get(item.code) ?? 0, 0), item.maxPoints),
        scored: scores.has(item.code),
      })),
      totalScore: totalScoreUnder,
      classification: classify(ruleSet.bands, totalScoreUnder),
    };
  }

  /** One assessment, when its unit lies in the caller's jurisdiction today or on the submission date. */
  /** The assessment when the caller sees its unit; `field` names the argument the id came in (for a refusal of bad input). */
  async find(caller: Caller, rawId: string, field = 'id'): Promise<AssessmentView | null> {
    const identity = requireCaller(caller);
    const id = inputId(rawId, { field });
    const assessment = await this.assessments.find(id);
    if (!assessment) return null;
    return (await seesUnit(this.assessments.directory, identity, assessment.unitId, [this.clock.today(), assessment.submittedOn])) ? assessment : null;
  }

  /** A unit's assessments, newest year first, when the unit lies in the caller's jurisdiction today (else none). */
  async ofUnit(caller: Caller, unitId: string): Promise<AssessmentView[]> {
    const identity = requireCaller(caller);
    const assessments = await this.assessments.ofUnit(unitId);
    const visible: AssessmentView[] = [];
    for (const assessment of assessments) {
      if (await seesUnit(this.assessments.directory, identity, unitId, [this.clock.today(), assessment.submittedOn])) visible.push(assessment);
    }
    return visible;
  }

  /** A unit's published classification for `year`, under the same visibility. */
  async classificationOf(caller: Caller, unitId: string, rawYear: number): Promise<ClassificationView | null> {
    const identity = requireCaller(caller);
    const year = this.year(rawYear);
    const classification = await this.assessments.classifications.ofUnitAndYear(unitId, year);
    if (!classification) return null;
    return (await seesUnit(this.assessments.directory, identity, unitId, [this.clock.today(), classification.decidedOn])) ? classification : null;
  }

  ruleSetOf(assessment: AssessmentView): Promise<RuleSetView | null> {
    return this.assessments.ruleSets.find(assessment.ruleSetId);
  }

  changesOf(assessment: AssessmentView): Promise<AssessmentChangeView[]> {
    return this.assessments.changes(assessment.id);
  }

  async totalOf(assessment: AssessmentView): Promise<number> {
    const ruleSet = await this.assessments.ruleSets.find(assessment.ruleSetId);
    return ruleSet ? this.total(ruleSet, assessment) : 0;
  }

  /** Not approved after the deadline of the level whose turn it is (or of any level still pending), as of today. */
  overdue(assessment: AssessmentView): boolean {
    return isOverdue(assessment, this.clock.today());
  }

  /** The chain with the current level's step decided (approved or returned) on `date` by `actor`. */
  private decideStep(assessment: AssessmentView, status: 'APPROVED' | 'RETURNED', date: string, actor: string): ReviewStepView[] {
    return assessment.reviewSteps.map((step) => (step.position === assessment.currentStep ? { ...step, status, decidedOn: date, actor } : step));
  }

  /** The assessment under review and its rule set, once it is the caller's level's turn in the chain. */
  private async underReview(tx: AssessmentTransaction, identity: Identity, assessmentId: string, date: string): Promise<{ assessment: AssessmentView; ruleSet: RuleSetView }> {
    const assessment = await tx.lock(assessmentId);
    if (!assessment || !(await seesUnit(tx.directory, identity, assessment.unitId, [date, assessment.submittedOn]))) throw assessmentErrors.notFound(assessmentId);
    // A caller whose level is not in the chain (the assessed unit itself included) is answered as if the assessment did not exist.
    const admin = isSystemAdmin(identity);
    if (!admin && !assessment.reviewSteps.some((step) => step.levelUnitId === identity.jurisdictionUnitId)) throw assessmentErrors.notFound(assessmentId);
    if (assessment.status !== 'SUBMITTED') throw assessmentErrors.notUnderReview(assessment.status);
    if (!admin && assessment.reviewingUnitId !== identity.jurisdictionUnitId) throw assessmentErrors.notYourTurn(assessment.reviewingUnitId);
    const ruleSet = await tx.ruleSets.find(assessment.ruleSetId);
    if (!ruleSet) throw new Error(`Rule set ${assessment.ruleSetId} of assessment ${assessment.id} is missing`);
    return { assessment, ruleSet };
  }

  private scoresAgainst(ruleSet: RuleSetView, entries: ReadonlyArray<{ itemCode: string; score: number; evidence: string | null }>): ScoreView[] {
    const seen = new Set<string>();
    const scores = entries.map((entry, index) => {
      const item = ruleSet.items.find((candidate) => candidate.code === entry.itemCode);
      if (!item) throw assessmentErrors.itemUnknown(`scores[${index}].itemCode`, entry.itemCode);
      if (seen.has(item.code)) throw assessmentErrors.itemDuplicate(`scores[${index}].itemCode`, item.code);
      seen.add(item.code);
      if (entry.score > item.maxPoints) throw assessmentErrors.scoreAboveMaximum(`scores[${index}].score`, entry.score, item.maxPoints);
      return { itemCode: item.code, selfScore: entry.score, score: entry.score, evidence: entry.evidence };
    });
    const missing = ruleSet.items.filter((item) => !seen.has(item.code)).map((item) => item.code);
    if (missing.length > 0) throw assessmentErrors.itemMissing(missing);
    return scores;
  }

  /** The unit's answers checked against the rule set: known, answered once, not derived. Unanswered ones count as not met. */
  private answersAgainst(ruleSet: RuleSetView, entries: ReadonlyArray<{ criterionCode: string; met: boolean; evidence: string | null }>): CriterionAnswerView[] {
    const seen = new Set<string>();
    return entries.map((entry, index) => {
      const field = `criteria[${index}].criterionCode`;
      const criterion = ruleSet.criteria.find((candidate) => candidate.code === entry.criterionCode);
      if (!criterion) throw assessmentErrors.criterionUnknown(field, entry.criterionCode);
      if (criterion.derivation !== null) throw assessmentErrors.criterionDerived(field, criterion.code, criterion.derivation);
      if (seen.has(criterion.code)) throw assessmentErrors.criterionDuplicate(field, criterion.code);
      seen.add(criterion.code);
      return { criterionCode: criterion.code, selfMet: entry.met, met: entry.met, evidence: entry.evidence, overrideReason: null };
    });
  }

  private met(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean') throw assessmentErrors.criterionMetInvalid(field);
    return value;
  }

  private total(ruleSet: RuleSetView, assessment: AssessmentView): number {
    return totalScore(ruleSet.items, new Map(assessment.scores.map((score) => [score.itemCode, score.score])));
  }

  private score(value: number, field: string): number {
    if (!Number.isFinite(value) || value < 0 || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw assessmentErrors.scoreInvalid(field);
    return value;
  }

  private notInFuture(field: string, value: string): void {
    const today = this.clock.today();
    if (value > today) throw recognitionErrors.dateInFuture(field, value, today);
  }

  private year(value: number): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear('year', earliest, latest);
    return value;
  }
}
