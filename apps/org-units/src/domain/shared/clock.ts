import { type CalendarDate, todayIn } from './calendar-date';

/** Source of "today" and "now", injected so that tests can fix the date. */
export interface Clock {
  today(): CalendarDate;
  now(): Date;
}

export function systemClock(timeZone: string): Clock {
  return { today: () => todayIn(timeZone), now: () => new Date() };
}
