import { type UnitKind } from '@antt/contracts';
import { type AssessmentView } from '../assessment/assessment.types';

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

export interface ReviewQueuePageView {
  /** Every entry matching (year, overdueOnly), whatever the cursor. */
  totalCount: number;
  entries: ReviewQueueEntryView[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ReviewQueueArgs {
  year: number;
  overdueOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** Where the previous page ended: the queue is ordered by deadline (most overdue first), then assessment id. */
export interface QueueCursor {
  deadline: string;
  assessmentId: string;
}
