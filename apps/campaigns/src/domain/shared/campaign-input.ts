import { badInput, type DateRange, inputCode, inputDate, inputId, inputPageSize, inputText } from '@antt/service-kit';

/** Canonical forms and bounds of what callers send to campaigns (service kit rules, campaigns' limits). */
export class CampaignInput {
  constructor(private readonly range: DateRange) {}

  /** The dates the service accepts at all. */
  get dates(): DateRange {
    return this.range;
  }

  id(value: string, field: string): string {
    return inputId(value, { field });
  }

  optionalId(value: string | null | undefined, field: string): string | null {
    return value === null || value === undefined ? null : inputId(value, { field });
  }

  date(value: string, field: string): string {
    return inputDate(value, { field, range: this.range });
  }

  optionalDate(value: string | null | undefined, field: string): string | null {
    return value === null || value === undefined ? null : this.date(value, field);
  }

  title(value: string): string {
    return inputText(value, { field: 'title', max: 300 });
  }

  legalBases(values: readonly string[]): string[] {
    if (values.length > 20) throw badInput('TOO_MANY_ITEMS', 'legalBases: at most 20', { field: 'legalBases', max: 20 });
    return values.map((value, index) => inputText(value, { field: `legalBases[${index}]`, max: 500 }));
  }

  reason(value: string, field = 'reason'): string {
    return inputText(value, { field, max: 1000, multiline: true });
  }

  optionalReason(value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.reason(value);
  }

  code(value: string, field = 'code'): string {
    return inputCode(value, { field, max: 64 });
  }

  pageSize(value: number | null | undefined, max: number, fallback: number): number {
    return inputPageSize(value, { field: 'first', max, fallback });
  }
}
