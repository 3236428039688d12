import { type DateRange, inputCode, inputDate, inputId, inputText } from '@antt/service-kit';
import { badInput } from '@antt/service-kit';

/** Canonical forms and bounds of what callers send to awards (service kit helpers with awards' limits). */
export class AwardsInput {
  constructor(private readonly dates: DateRange) {}

  id(value: string, field: string): string {
    return inputId(value, { field });
  }

  date(value: string, field: string): string {
    return inputDate(value, { field, range: this.dates });
  }

  /** A date in its own bounds rather than the service's (a birth date lies long before any season). */
  dateWithin(value: string, field: string, range: DateRange): string {
    return inputDate(value, { field, range });
  }

  code(value: string, field: string): string {
    return inputCode(value, { field, max: 60 });
  }

  /** A single-line text (references, decision numbers, authorities, names). */
  line(value: string, field: string, max = 300): string {
    return inputText(value, { field, max });
  }

  /** A multi-line text (achievements, reasons). */
  text(value: string, field: string, max = 2000): string {
    return inputText(value, { field, max, multiline: true });
  }

  optionalLine(value: string | null | undefined, field: string): string | null {
    return value === null || value === undefined ? null : this.line(value, field);
  }

  /** A year whose every day lies inside the service's date range (a rating year, an evaluation year). */
  year(value: number, field: string): number {
    const earliest = Number(this.dates.earliest.slice(0, 4)) + 1;
    const latest = Number(this.dates.latest.slice(0, 4)) - 1;
    if (!Number.isInteger(value) || value < earliest || value > latest) throw badInput('INVALID_YEAR', `${field}: must be a year from ${earliest} to ${latest}`, { field, earliest, latest });
    return value;
  }

  /** A non-negative count (votes). */
  count(value: number | null | undefined, field: string): number | null {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 0 || value > 100_000) throw badInput('INVALID_COUNT', `${field}: is not a count between 0 and 100000`, { field });
    return value;
  }
}
