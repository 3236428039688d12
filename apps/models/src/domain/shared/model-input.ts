import { badInput, type DateRange, inputCode, inputDate, inputId, inputPageSize, inputText } from '@antt/service-kit';

/** Canonical forms and bounds of what callers send to models (service kit rules, models' limits). */
export class ModelsInput {
  constructor(private readonly range: DateRange) {}

  id(value: string, field: string): string {
    return inputId(value, { field });
  }

  optionalId(value: string | null | undefined, field: string): string | null {
    return value === null || value === undefined ? null : inputId(value, { field });
  }

  date(value: string, field: string): string {
    return inputDate(value, { field, range: this.range });
  }

  /** A date that is required by a rule rather than by the schema: absent is `reason` naming the field. */
  requiredDate(value: string | null | undefined, field: string, reason: string): string {
    if (value === null || value === undefined) throw badInput(reason, `${field}: is required`, { field });
    return this.date(value, field);
  }

  year(value: number, field = 'year'): number {
    const earliest = Number(this.range.earliest.slice(0, 4));
    const latest = Number(this.range.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) {
      throw badInput('INVALID_YEAR', `${field}: must be a year between ${earliest} and ${latest}`, { field, earliest, latest });
    }
    return value;
  }

  name(value: string, field = 'name'): string {
    return inputText(value, { field, max: 300 });
  }

  optionalDescription(value: string | null | undefined, field = 'description'): string | null {
    return value === null || value === undefined ? null : inputText(value, { field, max: 4000, multiline: true, allowBlank: true }) || null;
  }

  reason(value: string, field = 'reason'): string {
    return inputText(value, { field, max: 2000, multiline: true });
  }

  /** A text that is required by a rule rather than by the schema: absent or blank is `reason` naming the field. */
  requiredText(value: string | null | undefined, field: string, reason: string, max = 200): string {
    if (value === null || value === undefined || value.trim() === '') throw badInput(reason, `${field}: is required`, { field });
    return inputText(value, { field, max });
  }

  code(value: string, field = 'code'): string {
    return inputCode(value, { field, max: 64 });
  }

  texts(values: readonly string[], field: string, max: number): string[] {
    if (values.length > max) throw badInput('TOO_MANY_ITEMS', `${field}: at most ${max}`, { field, max });
    return values.map((value, index) => inputText(value, { field: `${field}[${index}]`, max: 1000 }));
  }

  codes(values: readonly string[], field: string): string[] {
    if (values.length > 100) throw badInput('TOO_MANY_ITEMS', `${field}: at most 100`, { field, max: 100 });
    return [...new Set(values.map((value, index) => this.code(value, `${field}[${index}]`)))];
  }

  pageSize(value: number | null | undefined, max: number, fallback: number): number {
    return inputPageSize(value, { field: 'first', max, fallback });
  }
}
