import { daysLeft, daysOverdue, deadlineLabel } from '../../domain/review-queue';
import { REVIEW_LEVEL_KIND_LABELS, type ReviewLevelKind } from '../../domain/rule-set';
import { type ReviewQueueEntryResolvers } from '../__generated__/resolvers-types';

export const ReviewQueueEntry: ReviewQueueEntryResolvers = {
  unit: (entry) => ({ id: entry.unitId }),
  level: (entry) => ({ id: entry.levelUnitId }),
  levelKindLabel: (entry) => (entry.levelKind ? (REVIEW_LEVEL_KIND_LABELS[entry.levelKind as ReviewLevelKind] ?? null) : null),
  overdue: (entry) => entry.daysPastDeadline > 0,
  daysOverdue: (entry) => daysOverdue(entry.daysPastDeadline),
  daysLeft: (entry) => daysLeft(entry.daysPastDeadline),
  deadlineLabel: (entry) => deadlineLabel(entry.daysPastDeadline),
};
