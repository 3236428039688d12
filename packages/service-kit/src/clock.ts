/** Source of "today" (a `YYYY-MM-DD` date in the service's time zone) and "now", injected so that tests can fix the date. */
export interface Clock {
  today(): string;
  now(): Date;
}

/** Today in an IANA time zone: units live in Vietnam, so a change "today" means today there. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The real clock, dates taken in `timeZone`. */
export function systemClock(timeZone: string): Clock {
  return { today: () => todayIn(timeZone), now: () => new Date() };
}

/** A clock stopped on one day (tests, demo loaders). */
export function fixedClock(today: string): Clock {
  return { today: () => today, now: () => new Date() };
}
