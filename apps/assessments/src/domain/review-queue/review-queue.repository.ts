import { type UnitKind } from '@antt/contracts';
import { type PrismaClient } from '../../generated/prisma/client';
import { AssessmentReader } from '../assessment/assessment.repository';
import { REVIEW_LEVEL_KINDS } from '../rule-set/review-plan.types';
import { REVIEW_QUEUE_COUNT_ALL, REVIEW_QUEUE_COUNT_SCOPED, REVIEW_QUEUE_PAGE_ALL, REVIEW_QUEUE_PAGE_SCOPED, REVIEW_QUEUE_PAGE_SCOPED_WITH_TOTAL } from './review-queue.sql';
import { type QueueCursor, type ReviewQueueEntryView } from './review-queue.types';

interface PageRow {
  id: string | null;
  unit_id: string;
  unit_kind: string;
  level_unit_id: string;
  level_kind: string | null;
  position: number;
  deadline: string;
  days_past: number;
}

export interface QueuePageQuery {
  year: number;
  today: string;
  /** The caller's jurisdiction unit; null for every level (a system admin). */
  jurisdictionUnitId: string | null;
  overdueOnly: boolean;
  /** Keep only these level kinds / unit kinds; null keeps every kind. */
  levelKinds: readonly string[] | null;
  unitKinds: readonly string[] | null;
  after: QueueCursor | null;
  /** Rows to fetch: the page size plus one, to know whether a next page exists. */
  limit: number;
}

/** What a count depends on: the year and the filters, not the cursor. */
export type QueueCountQuery = Omit<QueuePageQuery, 'after' | 'limit'>;

/**
 * The review queue's reads: one statement for a page's rows (then one for their assessments), another for the count; a
 * jurisdiction's page and count asked together are one statement ({@link ReviewQueueRepository.entriesAndCount}).
 */
export class ReviewQueueRepository {
  private readonly assessments: AssessmentReader;

  constructor(private readonly prisma: PrismaClient) {
    this.assessments = new AssessmentReader(prisma);
  }

  /** Up to `query.limit` entries after the cursor, in the queue's order (deadline, then assessment id). */
  async entries(query: QueuePageQuery): Promise<ReviewQueueEntryView[]> {
    const rows =
      query.jurisdictionUnitId === null
        ? await this.prisma.$queryRawUnsafe<PageRow[]>(REVIEW_QUEUE_PAGE_ALL, ...this.pageParameters(query))
        : await this.prisma.$queryRawUnsafe<PageRow[]>(REVIEW_QUEUE_PAGE_SCOPED, ...this.pageParameters(query), query.jurisdictionUnitId, [...REVIEW_LEVEL_KINDS]);
    return this.toEntries(rows);
  }

  /** Every entry matching the query's year and filters, whatever its cursor and limit. */
  async count(query: QueueCountQuery): Promise<number> {
    const filters = this.filterParameters(query);
    const [row] =
      query.jurisdictionUnitId === null
        ? await this.prisma.$queryRawUnsafe<Array<{ total: number }>>(REVIEW_QUEUE_COUNT_ALL, ...filters)
        : await this.prisma.$queryRawUnsafe<Array<{ total: number }>>(REVIEW_QUEUE_COUNT_SCOPED, ...filters, query.jurisdictionUnitId, [...REVIEW_LEVEL_KINDS]);
    return Number(row?.total ?? 0);
  }

  /**
   * The entries and the count: one statement for a jurisdiction (its entries are read once for both); for every level (a
   * system admin) the page walks the pending steps' index and stops, so it runs beside the count rather than inside it.
   */
  async entriesAndCount(query: QueuePageQuery): Promise<[ReviewQueueEntryView[], number]> {
    if (query.jurisdictionUnitId === null) return Promise.all([this.entries(query), this.count(query)]);
    const rows = await this.prisma.$queryRawUnsafe<Array<PageRow & { total: number }>>(
      REVIEW_QUEUE_PAGE_SCOPED_WITH_TOTAL,
      ...this.pageParameters(query),
      query.jurisdictionUnitId,
      [...REVIEW_LEVEL_KINDS],
    );
    return [await this.toEntries(rows), Number(rows[0]?.total ?? 0)];
  }

  private filterParameters(query: QueueCountQuery): unknown[] {
    return [query.year, query.today, query.overdueOnly, query.levelKinds, query.unitKinds];
  }

  private pageParameters(query: QueuePageQuery): unknown[] {
    return [...this.filterParameters(query), query.after?.deadline ?? null, query.after?.assessmentId ?? null, query.limit];
  }

  private async toEntries(rows: readonly PageRow[]): Promise<ReviewQueueEntryView[]> {
    const found = rows.filter((row): row is PageRow & { id: string } => row.id !== null);
    const assessments = await this.assessments.findMany(found.map((row) => row.id));
    return found.flatMap((row) => {
      const assessment = assessments.get(row.id);
      return assessment
        ? [
            {
              assessment,
              unitId: row.unit_id,
              unitKind: row.unit_kind as UnitKind,
              levelUnitId: row.level_unit_id,
              levelKind: row.level_kind,
              position: Number(row.position),
              deadline: row.deadline,
              daysPastDeadline: Number(row.days_past),
            },
          ]
        : [];
    });
  }
}
