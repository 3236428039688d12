import { type CalendarDate, isCalendarDate } from '../shared/calendar-date';
import { latestVersion } from './timeline';
import { unitErrors } from './unit.errors';
import { type Correction, type UnitRecord } from './unit.types';

export function assertCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw unitErrors.invalidDate(value);
  return value;
}

/**
 * Dates in order: a change takes effect on or after the unit's latest version start and before its dissolution.
 * An earlier date rewrites history and is accepted only with an explicit correction; a dissolved unit accepts only
 * corrections dated before its dissolution.
 */
export function assertChangeDate(unit: UnitRecord, date: CalendarDate, correction: Correction | null): void {
  if (date < unit.createdOn) throw unitErrors.dateBeforeCreation(unit.id, date, unit.createdOn);
  if (unit.dissolvedOn !== null && (date >= unit.dissolvedOn || correction === null)) {
    throw unitErrors.dissolved(unit.id, unit.dissolvedOn);
  }
  const latestStart = latestVersion(unit.timeline).validFrom;
  if (date < latestStart && correction === null) throw unitErrors.changeInPast(unit.id, date, latestStart);
}

/** Whether `other` exists from `from` until `until` (exclusive; null = open-ended). */
export function coversPeriod(
  other: Pick<UnitRecord, 'createdOn' | 'dissolvedOn'>,
  from: CalendarDate,
  until: CalendarDate | null,
): boolean {
  if (other.createdOn > from) return false;
  if (other.dissolvedOn === null) return true;
  return until !== null && other.dissolvedOn >= until;
}
