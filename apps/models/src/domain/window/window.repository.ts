import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type WindowRuleChangeView, type WindowRuleView } from './window.types';

type Db = PrismaClient | Prisma.TransactionClient;
type RuleRow = Prisma.EvaluationWindowRuleGetPayload<object>;

function ruleFromRow(row: RuleRow): WindowRuleView {
  return {
    id: row.id,
    provinceId: row.provinceId,
    unitKinds: row.unitKinds,
    startMonth: row.startMonth,
    startDay: row.startDay,
    startYearOffset: row.startYearOffset,
    endMonth: row.endMonth,
    endDay: row.endDay,
    validFromYear: row.validFromYear,
    validToYear: row.validToYear,
    reason: row.reason,
    createdBy: row.createdBy,
    createdByUnitId: row.createdByUnitId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Evaluation window rules and their audit, on the client or transaction it is given. */
export class WindowRuleStore {
  constructor(private readonly db: Db) {}

  async rules(): Promise<WindowRuleView[]> {
    const rows = await this.db.evaluationWindowRule.findMany({ orderBy: [{ validFromYear: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(ruleFromRow);
  }

  /**
   * Inside a command's transaction: waits for (and then excludes) any transaction that read the rules with
   * {@link lockForReading}, so that no review is written on a window a concurrent version changes.
   */
  async lockForChange(): Promise<void> {
    await this.db.$executeRawUnsafe('LOCK TABLE "evaluation_window_rule" IN EXCLUSIVE MODE');
  }

  /** Inside a review's transaction, before reading the rules: a version being added commits before or after it, never across. */
  async lockForReading(): Promise<void> {
    await this.db.$executeRawUnsafe('LOCK TABLE "evaluation_window_rule" IN ROW SHARE MODE');
  }

  /**
   * The first year from `from` to `to` (null: open) that has a review, if any: of the units of `provinceId` (the province a
   * review recorded), or any review for the national rules (null).
   */
  async firstReviewedYear(from: number, to: number | null, provinceId: string | null): Promise<number | null> {
    const row = await this.db.modelReview.findFirst({
      where: { year: { gte: from, ...(to === null ? {} : { lte: to }) }, ...(provinceId === null ? {} : { provinceId }) },
      orderBy: { year: 'asc' },
      select: { year: true },
    });
    return row?.year ?? null;
  }

  async insert(rule: WindowRuleView): Promise<WindowRuleView> {
    const { createdAt: _createdAt, ...data } = rule;
    return ruleFromRow(await this.db.evaluationWindowRule.create({ data }));
  }

  async close(ruleId: string, validToYear: number): Promise<void> {
    await this.db.evaluationWindowRule.update({ where: { id: ruleId }, data: { validToYear } });
  }

  async recordChange(change: Omit<WindowRuleChangeView, 'at'>): Promise<void> {
    await this.db.evaluationWindowRuleChange.create({ data: change });
  }

  async changes(): Promise<WindowRuleChangeView[]> {
    const rows = await this.db.evaluationWindowRuleChange.findMany({ orderBy: { id: 'asc' } });
    return rows.map((row) => ({
      ruleId: row.ruleId,
      action: row.action as WindowRuleChangeView['action'],
      validToYearBefore: row.validToYearBefore,
      validToYearAfter: row.validToYearAfter,
      actor: row.actor,
      actorUnitId: row.actorUnitId,
      at: row.at.toISOString(),
      reason: row.reason,
    }));
  }
}
