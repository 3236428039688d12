import { type EventContract, ReviewDueSoonV1, ReviewOverdueV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type Reminder } from './review-reminder.types';

/** The reminder's event: `assessments.review.due-soon.v1` or `.overdue.v1`, keyed by the assessed unit (no personal data). */
export function reminderEvent(reminder: Reminder): NewEvent<EventContract> {
  const base = {
    assessmentId: reminder.assessmentId,
    unitId: reminder.unitId,
    unitKind: reminder.unitKind,
    year: reminder.year,
    levelUnitId: reminder.levelUnitId,
    position: reminder.position,
    deadline: reminder.deadline,
  };
  return reminder.kind === 'DUE_SOON'
    ? { contract: ReviewDueSoonV1, aggregateId: reminder.unitId, data: { ...base, daysLeft: reminder.days } }
    : { contract: ReviewOverdueV1, aggregateId: reminder.unitId, data: { ...base, daysOverdue: reminder.days } };
}
