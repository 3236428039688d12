import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type CriteriaSetView, type CriterionView, type EffectiveModelFactView, type ModelRating, type ReviewView } from './review.types';

type Db = PrismaClient | Prisma.TransactionClient;
type ReviewRow = Prisma.ModelReviewGetPayload<object>;
type FactRow = Prisma.EffectiveModelFactGetPayload<object>;

function reviewFromRow(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    modelId: row.modelId,
    hostUnitId: row.hostUnitId,
    year: row.year,
    windowStart: fromDbDate(row.windowStart),
    windowEnd: fromDbDate(row.windowEnd),
    provinceId: row.provinceId,
    rating: row.rating as ModelRating,
    criteriaSetCode: row.criteriaSetCode,
    criteriaVersion: row.criteriaVersion,
    criteriaMet: row.criteriaMet,
    reviewerUnitId: row.reviewerUnitId,
    reviewedOn: fromDbDate(row.reviewedOn),
    evidence: row.evidence,
    reason: row.reason,
    actor: row.actor,
    current: row.current,
  };
}

function factFromRow(row: FactRow): EffectiveModelFactView {
  return {
    unitId: row.unitId,
    year: row.year,
    windowStart: fromDbDate(row.windowStart),
    windowEnd: fromDbDate(row.windowEnd),
    hasEffectiveModel: row.hasEffectiveModel,
    effectiveModelIds: row.effectiveModelIds,
    revision: row.revision,
  };
}

/** Reviews, criteria lists and effective-model facts, on the client or transaction it is given. */
export class ReviewStore {
  constructor(private readonly db: Db) {}

  async reviewsOf(modelId: string): Promise<ReviewView[]> {
    const rows = await this.db.modelReview.findMany({ where: { modelId }, orderBy: [{ year: 'desc' }, { createdAt: 'desc' }] });
    return rows.map(reviewFromRow);
  }

  async currentReviewsOf(modelId: string): Promise<ReviewView[]> {
    return (await this.db.modelReview.findMany({ where: { modelId, current: true } })).map(reviewFromRow);
  }

  async criteriaSets(): Promise<CriteriaSetView[]> {
    const rows = await this.db.reviewCriteriaSet.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] });
    return rows.map((row) => ({ code: row.code, version: row.version, validFrom: fromDbDate(row.validFrom), criteria: row.criteria as unknown as CriterionView[], source: row.source }));
  }

  /** The latest version of `code` valid on `date`. */
  async criteriaSetOn(code: string, date: string): Promise<CriteriaSetView | null> {
    const row = await this.db.reviewCriteriaSet.findFirst({ where: { code, validFrom: { lte: toDbDate(date) } }, orderBy: { version: 'desc' } });
    return row ? { code: row.code, version: row.version, validFrom: fromDbDate(row.validFrom), criteria: row.criteria as unknown as CriterionView[], source: row.source } : null;
  }

  /** Inserts `review` as the current one of its window; the previous current review of the window is kept, superseded. */
  async insertCurrent(review: ReviewView): Promise<void> {
    await this.db.modelReview.updateMany({ where: { modelId: review.modelId, year: review.year, current: true }, data: { current: false } });
    await this.db.modelReview.create({
      data: {
        id: review.id,
        modelId: review.modelId,
        hostUnitId: review.hostUnitId,
        year: review.year,
        windowStart: toDbDate(review.windowStart),
        windowEnd: toDbDate(review.windowEnd),
        provinceId: review.provinceId,
        rating: review.rating,
        criteriaSetCode: review.criteriaSetCode,
        criteriaVersion: review.criteriaVersion,
        criteriaMet: review.criteriaMet,
        reviewerUnitId: review.reviewerUnitId,
        reviewedOn: toDbDate(review.reviewedOn),
        evidence: review.evidence,
        reason: review.reason,
        actor: review.actor,
        current: true,
      },
    });
  }

  /** Models whose current review of `year`, made while `unitId` hosted them, is EFFECTIVE. */
  async effectiveModelIds(unitId: string, year: number): Promise<string[]> {
    const rows = await this.db.modelReview.findMany({
      where: { hostUnitId: unitId, year, current: true, rating: 'EFFECTIVE' },
      select: { modelId: true },
      orderBy: { modelId: 'asc' },
    });
    return rows.map((row) => row.modelId);
  }

  async fact(unitId: string, year: number): Promise<EffectiveModelFactView | null> {
    const row = await this.db.effectiveModelFact.findUnique({ where: { unitId_year: { unitId, year } } });
    return row ? factFromRow(row) : null;
  }

  /** The facts of several (unit, year) pairs in one statement, in no particular order (pairs without a fact are absent). */
  async facts(keys: ReadonlyArray<{ unitId: string; year: number }>): Promise<EffectiveModelFactView[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.effectiveModelFact.findMany({ where: { OR: keys.map(({ unitId, year }) => ({ unitId, year })) } });
    return rows.map(factFromRow);
  }

  /** Serialises the derivations of one (unit, year) fact until the transaction ends: two reviews of one unit's window derive it in turn. */
  async lockFact(unitId: string, year: number): Promise<void> {
    await this.db.$queryRawUnsafe('SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1::text))', `effective-model:${unitId}:${year}`);
  }

  async putFact(fact: EffectiveModelFactView): Promise<void> {
    const data = {
      windowStart: toDbDate(fact.windowStart),
      windowEnd: toDbDate(fact.windowEnd),
      hasEffectiveModel: fact.hasEffectiveModel,
      effectiveModelIds: fact.effectiveModelIds,
      revision: fact.revision,
      updatedAt: new Date(),
    };
    await this.db.effectiveModelFact.upsert({ where: { unitId_year: { unitId: fact.unitId, year: fact.year } }, create: { unitId: fact.unitId, year: fact.year, ...data }, update: data });
  }
}
