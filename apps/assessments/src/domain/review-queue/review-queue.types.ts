import { type UnitKind } from '@antt/contracts';
import { type AssessmentView } from '../assessment/assessment.types';
import { type ReviewLevelKind } from '../rule-set/review-plan.types';

/** One assessment waiting on a level: the current step of its review chain, pending. */
export interface ReviewQueueEntryView {
  assessment: AssessmentView;
  unitId: string;
  unitKind: UnitKind;
  /** The level whose turn it is, its kind (null when the directory does not know it) and its step in the chain. */
  levelUnitId: string;
  levelKind: string | null;
  position: number;
  deadline: string;
  /** Today minus the deadline, in days: positive once overdue, 0 on the day, negative while days are left. */
  daysPastDeadline: number;
}

/** The rows of one page of the queue. */
export interface ReviewQueueRows {
  entries: ReviewQueueEntryView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * A page of the queue, queried only for what is asked (the page's fields resolve through these): each read runs on its
 * first call only, so a page without `totalCount` counts nothing; both asked in the same turn (one selection) may share a
 * statement (see ReviewQueueService.page).
 */
export interface ReviewQueuePageView {
  rows: () => Promise<ReviewQueueRows>;
  /** Every entry matching the filters (year, overdueOnly, levelKinds, unitKinds), whatever the cursor. */
  totalCount: () => Promise<number>;
}

export interface ReviewQueueArgs {
  year: number;
  overdueOnly?: boolean | null;
  /** COMMUNE, DISTRICT, PROVINCE: only the steps pending at a level of these kinds. */
  levelKinds?: readonly string[] | null;
  /** Only the assessments of units of these kinds. */
  unitKinds?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

/** The queue's filters in canonical form: null lists filter nothing; lists are sorted and without duplicates. */
export interface QueueFilters {
  year: number;
  overdueOnly: boolean;
  levelKinds: ReviewLevelKind[] | null;
  unitKinds: UnitKind[] | null;
}

/** Where the previous page ended: the queue is ordered by deadline (most overdue first), then assessment id. */
export interface QueueCursor {
  deadline: string;
  assessmentId: string;
}
