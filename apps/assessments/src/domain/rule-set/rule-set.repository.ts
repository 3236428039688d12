import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type CriterionDerivation, type CriterionSource } from '../criteria/criteria.types';
import { type RuleSetTrack, type ScoreBand, type RuleSetView } from './rule-set.types';

type Db = PrismaClient | Prisma.TransactionClient;
type RuleSetRow = Prisma.RuleSetGetPayload<{ include: { items: true; criteria: true } }>;

const withItems = { items: { orderBy: { position: 'asc' as const } }, criteria: { orderBy: { position: 'asc' as const } } };

function ruleSetFromRow(row: RuleSetRow): RuleSetView {
  return {
    id: row.id,
    code: row.code,
    provinceCode: row.provinceCode,
    unitKind: row.unitKind,
    track: row.track as RuleSetTrack,
    fromYear: row.fromYear,
    toYear: row.toYear,
    title: row.title,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    deadline: row.deadline,
    bands: row.bands as unknown as ScoreBand[],
    bandsVerified: row.bandsVerified,
    precondition: row.precondition,
    items: row.items.map((item) => ({ code: item.code, position: item.position, title: item.title, maxPoints: item.maxPoints, condition: item.condition })),
    criteria: row.criteria.map((criterion) => ({
      code: criterion.code,
      position: criterion.position,
      source: criterion.source as CriterionSource,
      reference: criterion.reference,
      text: criterion.text,
      verified: criterion.verified,
      derivation: criterion.derivation as CriterionDerivation | null,
    })),
  };
}

/** Rule sets are read only here: versions arrive as data (migrations, later an editor), never changed once in use. */
export class RuleSetRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<RuleSetView | null> {
    const row = await this.db.ruleSet.findUnique({ where: { id }, include: withItems });
    return row ? ruleSetFromRow(row) : null;
  }

  async byCode(code: string): Promise<RuleSetView | null> {
    const row = await this.db.ruleSet.findUnique({ where: { code }, include: withItems });
    return row ? ruleSetFromRow(row) : null;
  }

  /** The STANDARD version in force for a province, unit kind and year: the latest starting on or before it and not ended. */
  async inForce(provinceCode: string, unitKind: string, year: number): Promise<RuleSetView | null> {
    const row = await this.db.ruleSet.findFirst({
      where: { provinceCode, unitKind, track: 'STANDARD', fromYear: { lte: year }, OR: [{ toYear: null }, { toYear: { gte: year } }] },
      orderBy: { fromYear: 'desc' },
      include: withItems,
    });
    return row ? ruleSetFromRow(row) : null;
  }

  async list(filter: { provinceCode?: string; unitKind?: string | null; year?: number | null; track?: RuleSetTrack | null }): Promise<RuleSetView[]> {
    const rows = await this.db.ruleSet.findMany({
      where: {
        ...(filter.track ? { track: filter.track } : {}),
        ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
        ...(filter.unitKind ? { unitKind: filter.unitKind } : {}),
        ...(filter.year ? { fromYear: { lte: filter.year }, OR: [{ toYear: null }, { toYear: { gte: filter.year } }] } : {}),
      },
      orderBy: [{ provinceCode: 'asc' }, { track: 'asc' }, { unitKind: 'asc' }, { fromYear: 'asc' }],
      include: withItems,
    });
    return rows.map(ruleSetFromRow);
  }
}
