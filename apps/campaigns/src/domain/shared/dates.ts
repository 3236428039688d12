/** The date of a `Date` read from a PostgreSQL `date` column (midnight UTC). */
export function fromDbDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function toDbDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = toDbDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDbDate(d);
}

/** `date` moved into [from, to]: a campaign is read on the tree of its own dates. */
export function clampDate(date: string, from: string, to: string): string {
  if (date < from) return from;
  return date > to ? to : date;
}
