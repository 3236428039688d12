import { type Caller, requireRole } from '@antt/auth';
import { type Clock, type DateRange } from '@antt/service-kit';
import { REVIEWER_ROLES } from '../assessment/assessment.service';
import { recognitionErrors } from '../recognition/recognition.errors';
import { isSystemAdmin } from '../shared';
import { type ReviewQueueRepository } from './review-queue.repository';
import { decodeQueueCursor, encodeQueueCursor, queueFilters, queuePageSize } from './review-queue.rules';
import { type ReviewQueueArgs, type ReviewQueuePageView } from './review-queue.types';

/**
 * A reviewing level's work list: the assessments of a year whose current review step is pending at a level inside the
 * caller's jurisdiction (on today or the submission date, assessments' read rule), most overdue first then by deadline,
 * in pages. Levels only; a system admin sees every level. Computed in one statement per page, never a year in memory.
 */
export class ReviewQueueService {
  constructor(
    private readonly queue: ReviewQueueRepository,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  async page(caller: Caller, args: ReviewQueueArgs): Promise<ReviewQueuePageView> {
    const identity = requireRole(caller, REVIEWER_ROLES);
    const filters = queueFilters({ ...args, year: this.year(args.year) });
    const size = queuePageSize(args.first);
    const after = args.after ? decodeQueueCursor(args.after, filters) : null;
    const { total, entries } = await this.queue.page({
      year: filters.year,
      today: this.clock.today(),
      jurisdictionUnitId: isSystemAdmin(identity) ? null : identity.jurisdictionUnitId,
      overdueOnly: filters.overdueOnly,
      levelKinds: filters.levelKinds,
      unitKinds: filters.unitKinds,
      after,
      limit: size + 1,
    });
    const page = entries.slice(0, size);
    const last = page.at(-1);
    return {
      totalCount: total,
      entries: page,
      endCursor: last ? encodeQueueCursor({ deadline: last.deadline, assessmentId: last.assessment.id }, filters) : null,
      hasNextPage: entries.length > size,
    };
  }

  private year(value: number): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear('year', earliest, latest);
    return value;
  }
}
