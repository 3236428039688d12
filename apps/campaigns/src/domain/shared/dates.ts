export { addDays, fromDbDate, toDbDate } from '@antt/service-kit';

/** `date` moved into [from, to]: a campaign is read on the tree of its own dates. */
export function clampDate(date: string, from: string, to: string): string {
  if (date < from) return from;
  return date > to ? to : date;
}
