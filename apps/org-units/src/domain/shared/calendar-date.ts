/** A calendar date as `YYYY-MM-DD`; ISO strings compare correctly as plain strings. */
export type CalendarDate = string;

const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The date of a `Date` read from a PostgreSQL `date` column (midnight UTC). */
export function fromDbDate(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10);
}

export function toDbDate(value: CalendarDate): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toDbDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDbDate(d);
}

/** Whether `date` falls in [from, to) where a null `to` is open-ended. */
export function isWithinPeriod(date: CalendarDate, from: CalendarDate, to: CalendarDate | null): boolean {
  return from <= date && (to === null || date < to);
}
