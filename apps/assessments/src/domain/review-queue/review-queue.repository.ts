import { type UnitKind } from '@antt/contracts';
import { type PrismaClient } from '../../generated/prisma/client';
import { AssessmentReader } from '../assessment/assessment.repository';
import { REVIEW_LEVEL_KINDS } from '../rule-set/review-plan.types';
import { REVIEW_QUEUE_PAGE_ALL, REVIEW_QUEUE_PAGE_SCOPED } from './review-queue.sql';
import { type QueueCursor, type ReviewQueueEntryView } from './review-queue.types';

interface PageRow {
  total: number;
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

/** The review queue's reads: one statement for the page, one for the page's assessments. */
export class ReviewQueueRepository {
  private readonly assessments: AssessmentReader;

  constructor(private readonly prisma: PrismaClient) {
    this.assessments = new AssessmentReader(prisma);
  }

  async page(query: QueuePageQuery): Promise<{ total: number; entries: ReviewQueueEntryView[] }> {
    const common = [query.year, query.today, query.overdueOnly, query.after?.deadline ?? null, query.after?.assessmentId ?? null, query.limit, query.levelKinds, query.unitKinds];
    const rows =
      query.jurisdictionUnitId === null
        ? await this.prisma.$queryRawUnsafe<PageRow[]>(REVIEW_QUEUE_PAGE_ALL, ...common)
        : await this.prisma.$queryRawUnsafe<PageRow[]>(REVIEW_QUEUE_PAGE_SCOPED, ...common, query.jurisdictionUnitId, [...REVIEW_LEVEL_KINDS]);
    const found = rows.filter((row) => row.id !== null);
    const assessments = await this.assessments.findMany(found.map((row) => row.id as string));
    const entries = found.flatMap((row) => {
      const assessment = assessments.get(row.id as string);
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
    return { total: Number(rows[0]?.total ?? 0), entries };
  }
}
