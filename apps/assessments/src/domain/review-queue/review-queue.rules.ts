import { badInput, inputPageSize, isCalendarDate, isUuid } from '@antt/service-kit';
import { type QueueCursor } from './review-queue.types';

/** Largest page of the queue; a larger `first` is refused (PAGE_SIZE_TOO_LARGE), never cut. */
export const REVIEW_QUEUE_MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

/** The page size asked for: 50 when absent, refused above {@link REVIEW_QUEUE_MAX_PAGE} or below 0. */
export function queuePageSize(first: number | null | undefined): number {
  return inputPageSize(first, { field: 'first', max: REVIEW_QUEUE_MAX_PAGE, fallback: DEFAULT_PAGE });
}

/** An opaque cursor: the base64url of `[deadline, assessment id]` of the last entry of a page. */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.deadline, cursor.assessmentId]), 'utf8').toString('base64url');
}

/** The cursor a page gave, or INVALID_CURSOR naming `after`. */
export function decodeQueueCursor(after: string): QueueCursor {
  if (after.length <= 200) {
    try {
      const value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
      if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isCalendarDate(value[0]) && isUuid(value[1])) {
        const cursor = { deadline: value[0], assessmentId: String(value[1]).toLowerCase() };
        if (encodeQueueCursor(cursor) === after) return cursor;
      }
    } catch {
      // refused below
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
