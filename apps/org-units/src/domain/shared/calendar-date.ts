import { type CalendarDate } from '@antt/service-kit';

export { type CalendarDate, addDays, fromDbDate, isCalendarDate, toDbDate } from '@antt/service-kit';

/** Whether `date` falls in [from, to) where a null `to` is open-ended. */
export function isWithinPeriod(date: CalendarDate, from: CalendarDate, to: CalendarDate | null): boolean {
  return from <= date && (to === null || date < to);
}
