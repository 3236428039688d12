import { createHash } from 'node:crypto';
import { UNIT_KINDS, type UnitKind } from '@antt/contracts';
import { badInput, inputPageSize, isCalendarDate, isUuid } from '@antt/service-kit';
import { REVIEW_LEVEL_KINDS, type ReviewLevelKind } from '../rule-set/review-plan.types';
import { type QueueCursor, type QueueFilters } from './review-queue.types';

/** Largest page of the queue; a larger `first` is refused (PAGE_SIZE_TOO_LARGE), never cut. */
export const REVIEW_QUEUE_MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

/** The page size asked for: 50 when absent, refused above {@link REVIEW_QUEUE_MAX_PAGE} or below 0. */
export function queuePageSize(first: number | null | undefined): number {
  return inputPageSize(first, { field: 'first', max: REVIEW_QUEUE_MAX_PAGE, fallback: DEFAULT_PAGE });
}

function kindsOf<T extends string>(values: readonly string[] | null | undefined, known: readonly T[], field: string, reason: string): T[] | null {
  if (!values || values.length === 0) return null;
  values.forEach((value, index) => {
    if (!(known as readonly string[]).includes(value)) {
      throw badInput(reason, `${field}[${index}]: not one of ${known.join(', ')}`, { field, index, allowed: [...known] });
    }
  });
  return [...new Set(values as T[])].sort();
}

/**
 * The queue's filters in one canonical form (absent or empty lists: no filter; duplicates dropped; sorted), so that the
 * same filters always give the same cursor key. An unknown level kind is INVALID_LEVEL_KIND, an unknown unit kind
 * INVALID_UNIT_KIND, each naming its field.
 */
export function queueFilters(args: {
  year: number;
  overdueOnly?: boolean | null;
  levelKinds?: readonly string[] | null;
  unitKinds?: readonly string[] | null;
}): QueueFilters {
  return {
    year: args.year,
    overdueOnly: args.overdueOnly === true,
    levelKinds: kindsOf<ReviewLevelKind>(args.levelKinds, REVIEW_LEVEL_KINDS, 'levelKinds', 'INVALID_LEVEL_KIND'),
    unitKinds: kindsOf<UnitKind>(args.unitKinds, UNIT_KINDS, 'unitKinds', 'INVALID_UNIT_KIND'),
  };
}

/** A short digest of the filters a page was read with: a cursor is valid only with the same filters. */
export function filtersKey(filters: QueueFilters): string {
  const canonical = JSON.stringify([filters.year, filters.overdueOnly, filters.levelKinds, filters.unitKinds]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/** An opaque cursor: the base64url of `[deadline, assessment id, filters key]` of the last entry of a page. */
export function encodeQueueCursor(cursor: QueueCursor, filters: QueueFilters): string {
  return Buffer.from(JSON.stringify([cursor.deadline, cursor.assessmentId, filtersKey(filters)]), 'utf8').toString('base64url');
}

/**
 * The cursor a page gave, or INVALID_CURSOR naming `after`; a cursor a page gave for other filters (year, overdueOnly,
 * levelKinds, unitKinds) is CURSOR_FILTERS_CHANGED naming `after`: its position means nothing in another list.
 */
export function decodeQueueCursor(after: string, filters: QueueFilters): QueueCursor {
  if (after.length <= 200) {
    let value: unknown = null;
    try {
      value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    } catch {
      // refused below
    }
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && isCalendarDate(value[0]) && isUuid(value[1]) && typeof value[2] === 'string') {
      const cursor = { deadline: value[0], assessmentId: String(value[1]).toLowerCase() };
      if (Buffer.from(JSON.stringify([cursor.deadline, cursor.assessmentId, value[2]]), 'utf8').toString('base64url') === after) {
        if (value[2] !== filtersKey(filters)) {
          throw badInput('CURSOR_FILTERS_CHANGED', 'after: a cursor given for other filters (year, overdueOnly, levelKinds, unitKinds)', { field: 'after' });
        }
        return cursor;
      }
    }
  }
  throw badInput('INVALID_CURSOR', 'after: not a cursor this list gave', { field: 'after' });
}

/** Days since the deadline, 0 when not overdue. */
export const daysOverdue = (daysPastDeadline: number): number => Math.max(daysPastDeadline, 0);

/** Days left to the deadline, 0 on the day and once overdue. */
export const daysLeft = (daysPastDeadline: number): number => Math.max(-daysPastDeadline, 0);

/** The deadline as an officer reads it: "Quá hạn 3 ngày", "Hết hạn hôm nay", "Còn 2 ngày". */
export function deadlineLabel(daysPastDeadline: number): string {
  if (daysPastDeadline > 0) return `Quá hạn ${daysPastDeadline} ngày`;
  if (daysPastDeadline === 0) return 'Hết hạn hôm nay';
  return `Còn ${-daysPastDeadline} ngày`;
}
