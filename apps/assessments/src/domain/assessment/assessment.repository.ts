import { type EventContract, type UnitKind } from '@antt/contracts';
import { appendToOutbox, type NewEvent } from '@antt/events';
import { UnitDirectory } from '@antt/unit-directory';
import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { ClassificationStore } from '../classification/classification.repository';
import { CriteriaReader } from '../criteria/criteria.repository';
import { type CriterionAnswerView } from '../criteria/criteria.types';
import { ReviewPlanRepository } from '../rule-set/review-plan.repository';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { fromDbDate, toDbDate } from '../shared';
import { type AssessmentAction, type AssessmentChangeView, type AssessmentStatus, type AssessmentView, type ReviewStepStatus } from './assessment.types';

const EVENT_SOURCE = 'assessments';
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

type Db = PrismaClient | Prisma.TransactionClient;
type AssessmentRow = Prisma.AssessmentGetPayload<{ include: { scores: true; reviewSteps: true } }>;
const include = { scores: true, reviewSteps: { orderBy: { position: 'asc' as const } } };

function assessmentFromRow(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitKind: row.unitKind as UnitKind,
    year: row.year,
    ruleSetId: row.ruleSetId,
    status: row.status as AssessmentStatus,
    reviewingUnitId: row.reviewingUnitId,
    submittedOn: fromDbDate(row.submittedOn),
    returnReason: row.returnReason,
    approvedOn: row.approvedOn ? fromDbDate(row.approvedOn) : null,
    revision: row.revision,
    scores: row.scores.map((score) => ({ itemCode: score.itemCode, selfScore: score.selfScore, score: score.score, evidence: score.evidence })),
    currentStep: row.currentStep,
    reviewSteps: row.reviewSteps.map((step) => ({
      position: step.position,
      levelUnitId: step.levelUnitId,
      status: step.status as ReviewStepStatus,
      decidedOn: step.decidedOn ? fromDbDate(step.decidedOn) : null,
      actor: step.actor,
      deadline: fromDbDate(step.deadline),
    })),
    reviewPlanId: row.reviewPlanId,
  };
}

export interface ChangeRecord {
  action: AssessmentAction;
  itemCode?: string | null;
  before?: number | null;
  after?: number | null;
  fromStatus: AssessmentStatus | null;
  toStatus: AssessmentStatus;
  actor: string;
  actorUnitId: string;
  reason?: string | null;
  criterionCode?: string | null;
  beforeMet?: boolean | null;
  afterMet?: boolean | null;
}

/** Reads shared by the repository and its transactions. */
export class AssessmentReader {
  constructor(protected readonly db: Db) {}

  get directory(): UnitDirectory {
    return new UnitDirectory(this.db);
  }

  get ruleSets(): RuleSetRepository {
    return new RuleSetRepository(this.db);
  }

  get reviewPlans(): ReviewPlanRepository {
    return new ReviewPlanRepository(this.db);
  }

  get classifications(): ClassificationStore {
    return new ClassificationStore(this.db);
  }

  get criteria(): CriteriaReader {
    return new CriteriaReader(this.db);
  }

  async find(id: string): Promise<AssessmentView | null> {
    const row = await this.db.assessment.findUnique({ where: { id }, include });
    return row ? assessmentFromRow(row) : null;
  }

  /** Several assessments in one statement (those that do not exist are absent from the map). */
  async findMany(ids: readonly string[]): Promise<Map<string, AssessmentView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.assessment.findMany({ where: { id: { in: [...ids] } }, include });
    return new Map(rows.map((row) => [row.id, assessmentFromRow(row)]));
  }

  async ofUnitAndYear(unitId: string, year: number): Promise<AssessmentView | null> {
    const row = await this.db.assessment.findUnique({ where: { unitId_year: { unitId, year } }, include });
    return row ? assessmentFromRow(row) : null;
  }

  async ofUnit(unitId: string): Promise<AssessmentView[]> {
    const rows = await this.db.assessment.findMany({ where: { unitId }, include, orderBy: { year: 'desc' } });
    return rows.map(assessmentFromRow);
  }

  async changes(assessmentId: string): Promise<AssessmentChangeView[]> {
    const rows = await this.db.assessmentChange.findMany({ where: { assessmentId }, orderBy: { seq: 'asc' } });
    return rows.map((row) => ({
      action: row.action as AssessmentAction,
      itemCode: row.itemCode,
      before: row.before,
      after: row.after,
      fromStatus: row.fromStatus as AssessmentStatus | null,
      toStatus: row.toStatus as AssessmentStatus,
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      reason: row.reason,
      criterionCode: row.criterionCode,
      beforeMet: row.beforeMet,
      afterMet: row.afterMet,
      at: row.at,
    }));
  }
}

/** Reads and writes inside one interactive transaction: state, audit and outbox rows commit or roll back together. */
export class AssessmentTransaction extends AssessmentReader {
  constructor(private readonly tx: Prisma.TransactionClient) {
    super(tx);
  }

  /** Serialises submissions of one unit and year until the transaction ends. */
  async lockUnitYear(unitId: string, year: number): Promise<void> {
    await this.tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `assessment:${unitId}:${year}`);
  }

  /** Locks the assessment row against concurrent reviews and returns it. */
  async lock(id: string): Promise<AssessmentView | null> {
    const locked = await this.tx.$queryRawUnsafe<Array<{ id: string }>>('SELECT id::text FROM assessment WHERE id = $1::uuid FOR UPDATE', id);
    return locked.length > 0 ? this.find(id) : null;
  }

  /** Writes the assessment whole (insert or replace, scores included). */
  async save(assessment: AssessmentView): Promise<void> {
    const data = {
      unitId: assessment.unitId,
      unitKind: assessment.unitKind,
      year: assessment.year,
      ruleSetId: assessment.ruleSetId,
      status: assessment.status,
      reviewingUnitId: assessment.reviewingUnitId,
      submittedOn: toDbDate(assessment.submittedOn),
      returnReason: assessment.returnReason,
      approvedOn: assessment.approvedOn ? toDbDate(assessment.approvedOn) : null,
      revision: assessment.revision,
      currentStep: assessment.currentStep,
      reviewPlanId: assessment.reviewPlanId,
      updatedAt: new Date(),
    };
    await this.tx.assessment.upsert({ where: { id: assessment.id }, create: { id: assessment.id, ...data }, update: data });
    await this.tx.assessmentScore.deleteMany({ where: { assessmentId: assessment.id } });
    await this.tx.assessmentScore.createMany({ data: assessment.scores.map((score) => ({ assessmentId: assessment.id, ...score })) });
    await this.tx.assessmentReviewStep.deleteMany({ where: { assessmentId: assessment.id } });
    await this.tx.assessmentReviewStep.createMany({
      data: assessment.reviewSteps.map((step) => ({ assessmentId: assessment.id, ...step, decidedOn: step.decidedOn ? toDbDate(step.decidedOn) : null, deadline: toDbDate(step.deadline) })),
    });
  }

  /** Replaces the unit's answers to the answered criteria (a submission, again after a return). */
  async saveAnswers(assessmentId: string, answers: readonly CriterionAnswerView[]): Promise<void> {
    await this.tx.assessmentCriterion.deleteMany({ where: { assessmentId } });
    await this.tx.assessmentCriterion.createMany({ data: answers.map((answer) => ({ assessmentId, ...answer })) });
  }

  /** A reviewer's override of one answer (the unit's own answer is kept in `selfMet`). */
  async overrideAnswer(assessmentId: string, criterionCode: string, met: boolean, reason: string): Promise<void> {
    await this.tx.assessmentCriterion.update({ where: { assessmentId_criterionCode: { assessmentId, criterionCode } }, data: { met, overrideReason: reason } });
  }

  async audit(assessmentId: string, change: ChangeRecord): Promise<void> {
    await this.tx.assessmentChange.create({
      data: {
        assessmentId,
        action: change.action,
        itemCode: change.itemCode ?? null,
        before: change.before ?? null,
        after: change.after ?? null,
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        actor: change.actor,
        actorUnitId: change.actorUnitId,
        reason: change.reason ?? null,
        criterionCode: change.criterionCode ?? null,
        beforeMet: change.beforeMet ?? null,
        afterMet: change.afterMet ?? null,
      },
    });
  }

  async appendEvents(events: ReadonlyArray<NewEvent<EventContract>>): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

/** Entry point of assessment persistence: reads outside transactions, writes through {@link transaction}. */
export class AssessmentRepository extends AssessmentReader {
  constructor(private readonly prisma: PrismaClient) {
    super(prisma);
  }

  transaction<T>(work: (tx: AssessmentTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new AssessmentTransaction(tx)), TRANSACTION_OPTIONS);
  }
}
