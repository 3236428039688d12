import { daysBetween } from '@antt/service-kit';
import { type ReminderKind } from './review-reminder.types';

/**
 * The reminder a pending step is due on `today`, if any: DUE_SOON from `reminderDays` before its deadline to the deadline
 * itself, OVERDUE from the day after. Sent once each (the scheduler records them), so a step that becomes current after its
 * deadline gets only OVERDUE, and a step decided before its deadline is never pending on the day after it.
 */
export function reminderDue(deadline: string, today: string, reminderDays: number): { kind: ReminderKind; days: number } | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return { kind: 'OVERDUE', days: -left };
  if (left <= reminderDays) return { kind: 'DUE_SOON', days: left };
  return null;
}
