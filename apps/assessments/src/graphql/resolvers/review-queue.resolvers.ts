import { daysLeft, daysOverdue, deadlineLabel } from '../../domain/review-queue';
import { REVIEW_LEVEL_KIND_LABELS, type ReviewLevelKind } from '../../domain/rule-set';
import { type ReviewQueueEntryResolvers, type ReviewQueuePageResolvers } from '../__generated__/resolvers-types';

export const ReviewQueueEntry: ReviewQueueEntryResolvers = {
  unit: (entry) => ({ id: entry.unitId }),
  level: (entry) => ({ id: entry.levelUnitId }),
  levelKindLabel: (entry) => (entry.levelKind ? (REVIEW_LEVEL_KIND_LABELS[entry.levelKind as ReviewLevelKind] ?? null) : null),
  overdue: (entry) => entry.daysPastDeadline > 0,
  daysOverdue: (entry) => daysOverdue(entry.daysPastDeadline),
  daysLeft: (entry) => daysLeft(entry.daysPastDeadline),
  deadlineLabel: (entry) => deadlineLabel(entry.daysPastDeadline),
};

// Each field asks the page for what it needs: the rows are queried once for the three fields that read them, the count only
// when `totalCount` is selected.
export const ReviewQueuePage: ReviewQueuePageResolvers = {
  totalCount: (page) => page.totalCount(),
  entries: async (page) => (await page.rows()).entries,
  endCursor: async (page) => (await page.rows()).endCursor,
  hasNextPage: async (page) => (await page.rows()).hasNextPage,
};
