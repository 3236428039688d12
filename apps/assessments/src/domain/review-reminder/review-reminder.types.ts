import { type UnitKind } from '@antt/contracts';

export type ReminderKind = 'DUE_SOON' | 'OVERDUE';

/** The current, pending step of an assessment under review, as the scheduler reads it. */
export interface PendingStep {
  assessmentId: string;
  unitId: string;
  unitKind: UnitKind;
  year: number;
  levelUnitId: string;
  position: number;
  deadline: string;
}

/** One reminder due to the level of one step. */
export interface Reminder extends PendingStep {
  kind: ReminderKind;
  /** Days left (DUE_SOON) or days overdue (OVERDUE). */
  days: number;
}

/** What one run sent. */
export interface ReminderRun {
  dueSoon: number;
  overdue: number;
}
