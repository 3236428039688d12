import { addDays, type Clock } from '@antt/service-kit';
import { type ReviewReminderRepository } from './review-reminder.repository';
import { reminderDue } from './review-reminder.rules';
import { type Reminder, type ReminderRun } from './review-reminder.types';

const CHUNK = 2000;
const MAX_CHUNKS = 1000;

/**
 * Reminds the level whose turn it is in a review chain: `assessments.review.due-soon.v1` from `reminderDays` before the
 * step's deadline, `assessments.review.overdue.v1` from the day after it while still pending. Safe to run on every replica
 * at once and as often as wanted: each reminder is recorded with its event exactly once (see ReviewReminderRepository).
 * Reads the due steps in chunks, so that the first run after a deadline of the whole country never holds them all.
 */
export class ReviewReminderScheduler {
  constructor(
    private readonly reminders: ReviewReminderRepository,
    private readonly clock: Clock,
    private readonly reminderDays: number,
  ) {}

  async runOnce(): Promise<ReminderRun> {
    const today = this.clock.today();
    const dueBy = addDays(today, this.reminderDays);
    const run: ReminderRun = { dueSoon: 0, overdue: 0 };
    for (let chunk = 0; chunk < MAX_CHUNKS; chunk += 1) {
      const steps = await this.reminders.dueSteps(today, dueBy, CHUNK);
      const due: Reminder[] = steps.flatMap((step) => {
        const reminder = reminderDue(step.deadline, today, this.reminderDays);
        return reminder ? [{ ...step, ...reminder }] : [];
      });
      for (const sent of await this.reminders.send(due, today)) run[sent.kind === 'DUE_SOON' ? 'dueSoon' : 'overdue'] += 1;
      // Steps another replica claimed meanwhile are committed by now (the claim waited for them): the next read skips them.
      if (steps.length < CHUNK) break;
    }
    return run;
  }
}
