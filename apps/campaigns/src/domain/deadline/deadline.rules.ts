import { type UnitKind } from '@antt/contracts';
import { daysBetween } from '@antt/service-kit';
import { type DeadlineView } from '../campaign';
import { REGISTERING_KINDS, REGISTRATION_DEADLINE } from '../registration';
import { type NoticeKind } from './deadline.types';

/** The kinds a deadline binds: those it names, else every registering kind. */
export function boundKinds(deadline: DeadlineView): readonly UnitKind[] {
  return deadline.unitKinds.length > 0 ? deadline.unitKinds : REGISTERING_KINDS;
}

/**
 * The notice a unit is due on `today` for a deadline, if any: APPROACHING from `noticeDays` before the day to the day itself;
 * OVERDUE after it, only for the registration deadline (the one this service can judge). A registered unit needs neither
 * for REGISTRATION.
 */
export function noticeDue(deadline: DeadlineView, today: string, noticeDays: number, registered: boolean): { kind: NoticeKind; days: number } | null {
  if (deadline.code === REGISTRATION_DEADLINE && registered) return null;
  const left = daysBetween(today, deadline.dueOn);
  if (left >= 0 && left <= noticeDays) return { kind: 'APPROACHING', days: left };
  if (left < 0 && deadline.code === REGISTRATION_DEADLINE) return { kind: 'OVERDUE', days: -left };
  return null;
}
