import { reminderDue } from './review-reminder.rules';

describe('review reminders', () => {
  it('reminds from the configured number of days before the deadline to the day itself', () => {
    expect(reminderDue('2024-11-20', '2024-11-16', 3)).toBeNull();
    expect(reminderDue('2024-11-20', '2024-11-17', 3)).toEqual({ kind: 'DUE_SOON', days: 3 });
    expect(reminderDue('2024-11-20', '2024-11-20', 3)).toEqual({ kind: 'DUE_SOON', days: 0 });
    expect(reminderDue('2024-11-20', '2024-11-20', 0)).toEqual({ kind: 'DUE_SOON', days: 0 });
  });

  it('flags the step overdue from the day after its deadline, across months and years', () => {
    expect(reminderDue('2024-11-20', '2024-11-21', 3)).toEqual({ kind: 'OVERDUE', days: 1 });
    expect(reminderDue('2024-11-30', '2024-12-02', 3)).toEqual({ kind: 'OVERDUE', days: 2 });
    expect(reminderDue('2024-12-15', '2025-01-01', 3)).toEqual({ kind: 'OVERDUE', days: 17 });
  });
});
