import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type ReviewLevelKind, type ReviewPlanView } from './review-plan.types';

type Db = PrismaClient | Prisma.TransactionClient;
type ReviewPlanRow = Prisma.ReviewPlanGetPayload<{ include: { levels: true } }>;

const withLevels = { levels: { orderBy: { position: 'asc' as const } } };

function reviewPlanFromRow(row: ReviewPlanRow): ReviewPlanView {
  return {
    id: row.id,
    code: row.code,
    provinceCode: row.provinceCode,
    unitKind: row.unitKind,
    fromYear: row.fromYear,
    toYear: row.toYear,
    verified: row.verified,
    source: row.source,
    levels: row.levels.map((level) => ({ position: level.position, levelKind: level.levelKind as ReviewLevelKind, deadline: level.deadline, final: level.final })),
  };
}

/** Review plans are read only here: versions arrive as data (migrations), never changed once a chain was built from them. */
export class ReviewPlanRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<ReviewPlanView | null> {
    const row = await this.db.reviewPlan.findUnique({ where: { id }, include: withLevels });
    return row ? reviewPlanFromRow(row) : null;
  }

  /** The version in force for a province, unit kind and year: the latest starting on or before it and not ended. */
  async inForce(provinceCode: string, unitKind: string, year: number): Promise<ReviewPlanView | null> {
    const row = await this.db.reviewPlan.findFirst({
      where: { provinceCode, unitKind, fromYear: { lte: year }, OR: [{ toYear: null }, { toYear: { gte: year } }] },
      orderBy: { fromYear: 'desc' },
      include: withLevels,
    });
    return row ? reviewPlanFromRow(row) : null;
  }
}
