import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** A calendar date as `YYYY-MM-DD`; ISO strings compare correctly as plain strings. */
export type CalendarDate = string;

const PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The date of a `Date` read from a PostgreSQL `date` column (midnight UTC). */
export function fromDbDate(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10);
}

/** The `Date` a PostgreSQL `date` column takes for a calendar date (midnight UTC). */
export function toDbDate(value: CalendarDate): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = toDbDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDbDate(d);
}

/** Whole days from `from` to `to` (negative when `to` comes first): 2024-11-17 to 2024-11-20 is 3. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toDbDate(to).getTime() - toDbDate(from).getTime()) / 86_400_000);
}

function dateText(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * The GraphQL `Date` scalar of every subgraph: a calendar date as `YYYY-MM-DD`. It only requires a string; the domain
 * checks that the text is a real date inside the service's range (`inputDate`), so that the refusal names the field and
 * reaches the client through the gateway like every other rule.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => dateText(value),
  parseValue: dateText,
  parseLiteral: (ast) => dateText(ast.kind === Kind.STRING ? ast.value : undefined),
});
