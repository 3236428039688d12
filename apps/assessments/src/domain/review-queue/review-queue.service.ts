import { type Caller, requireRole } from '@antt/auth';
import { type Clock, type DateRange } from '@antt/service-kit';
import { REVIEWER_ROLES } from '../assessment/assessment.service';
import { recognitionErrors } from '../recognition/recognition.errors';
import { isSystemAdmin, pairedReads } from '../shared';
import { type ReviewQueueRepository } from './review-queue.repository';
import { decodeQueueCursor, encodeQueueCursor, queueFilters, queuePageSize } from './review-queue.rules';
import { type ReviewQueueArgs, type ReviewQueueEntryView, type ReviewQueuePageView, type ReviewQueueRows } from './review-queue.types';

/**
 * A reviewing level's work list: the assessments of a year whose current review step is pending at a level inside the
 * caller's jurisdiction (on today or the submission date, assessments' read rule), most overdue first then by deadline,
 * in pages. Levels only; a system admin sees every level. The page's rows and its count are read only when their fields
 * are asked for (a page without `totalCount` counts nothing); asked together, a jurisdiction's are one statement, a
 * system admin's two side by side (its page walks an index and stops). Never a year in memory.
 */
export class ReviewQueueService {
  constructor(
    private readonly queue: ReviewQueueRepository,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  /** Checks the caller and the arguments now; the rows and the count are read when first asked for. */
  page(caller: Caller, args: ReviewQueueArgs): ReviewQueuePageView {
    const identity = requireRole(caller, REVIEWER_ROLES);
    const filters = queueFilters({ ...args, year: this.year(args.year) });
    const size = queuePageSize(args.first);
    const after = args.after ? decodeQueueCursor(args.after, filters) : null;
    const query = {
      year: filters.year,
      today: this.clock.today(),
      jurisdictionUnitId: isSystemAdmin(identity) ? null : identity.jurisdictionUnitId,
      overdueOnly: filters.overdueOnly,
      levelKinds: filters.levelKinds,
      unitKinds: filters.unitKinds,
    };
    const page = { ...query, after, limit: size + 1 };
    const rows = (entries: ReviewQueueEntryView[]): ReviewQueueRows => {
      const kept = entries.slice(0, size);
      const last = kept.at(-1);
      return {
        entries: kept,
        endCursor: last ? encodeQueueCursor({ deadline: last.deadline, assessmentId: last.assessment.id }, filters) : null,
        hasNextPage: entries.length > size,
      };
    };
    const reads = pairedReads({
      first: async () => rows(await this.queue.entries(page)),
      second: () => this.queue.count(query),
      both: async (): Promise<[ReviewQueueRows, number]> => {
        const [entries, total] = await this.queue.entriesAndCount(page);
        return [rows(entries), total];
      },
    });
    return { rows: reads.first, totalCount: reads.second };
  }

  private year(value: number): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear('year', earliest, latest);
    return value;
  }
}
