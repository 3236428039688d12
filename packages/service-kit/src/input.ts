import { badInput, type DomainError } from '@antt/auth';

/**
 * Canonical forms and bounds for what callers send, applied at the edge of every service: a value that breaks them is a
 * `BAD_USER_INPUT` naming the field (`extensions.field`), never an internal error further down.
 *
 * Reasons (stable, shared by every service unless a service passes its own): INVALID_ID, INVALID_TEXT, TEXT_TOO_LONG,
 * INVALID_CODE, INVALID_DATE, DATE_OUT_OF_RANGE, PAGE_SIZE_TOO_LARGE, INVALID_PAGE_SIZE.
 */
export interface FieldOptions {
  /** The field as the client named it (`input.name`, `sourceIds[2]`): reported in `extensions.field`. */
  field: string;
  /** A service's own reason code instead of the shared one. */
  reason?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 and C1 controls (tab and line feed allowed only in multi-line text), DEL, the bidirectional overrides and isolates,
// and the invisible characters that make two equal-looking names differ.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const LINE_BREAKS = /[\t\n]/u;
const BIDI_AND_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const CODE = /^[A-Z0-9._-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(options: FieldOptions, fallbackReason: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return badInput(options.reason ?? fallbackReason, `${options.field}: ${message}`, { field: options.field, ...details });
}

/** Whether `value` is a UUID (any case). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A UUID, lower-cased. */
export function inputId(value: string, options: FieldOptions): string {
  if (!isUuid(value)) throw fail(options, 'INVALID_ID', 'is not an id (a UUID)');
  return value.toLowerCase();
}

/** Like {@link inputId} for an optional value: null and undefined pass through unchanged. */
export function inputOptionalId<T extends null | undefined>(value: string | T, options: FieldOptions): string | T {
  return value === null || value === undefined ? value : inputId(value, options);
}

export interface TextOptions extends FieldOptions {
  /** Maximum length in characters after canonicalisation. */
  max: number;
  /** Keep tabs and line breaks (descriptions, reasons); a single-line text has its runs of spaces collapsed. */
  multiline?: boolean;
  /** Accept an empty text (returned as ''). */
  allowBlank?: boolean;
}

/**
 * A human text in one canonical form: Unicode NFC, trimmed, runs of white space collapsed (single-line), no control,
 * bidi-override or invisible characters, not blank, at most `max` characters.
 */
export function inputText(value: string, options: TextOptions): string {
  if (typeof value !== 'string') throw fail(options, 'INVALID_TEXT', 'is not a text');
  // Bounded before any work on it, so that a huge value costs nothing.
  if (value.length > options.max * 4 + 64) throw fail(options, 'TEXT_TOO_LONG', `has more than ${options.max} characters`, { max: options.max });
  const normalised = value.normalize('NFC');
  const withoutAllowed = options.multiline ? normalised.replace(LINE_BREAKS, ' ') : normalised;
  if (CONTROL.test(withoutAllowed) || (!options.multiline && LINE_BREAKS.test(normalised))) {
    throw fail(options, 'INVALID_TEXT', 'contains a control character');
  }
  if (BIDI_AND_INVISIBLE.test(normalised)) throw fail(options, 'INVALID_TEXT', 'contains an invisible or bidirectional-override character');
  const text = options.multiline ? normalised.trim() : normalised.trim().replace(/\s+/gu, ' ');
  if (text.length === 0 && !options.allowBlank) throw fail(options, 'INVALID_TEXT', 'is blank');
  if (text.length > options.max) throw fail(options, 'TEXT_TOO_LONG', `has more than ${options.max} characters`, { max: options.max });
  return text;
}

/** A code in its one canonical form: trimmed, upper case, `[A-Z0-9._-]`, 1 to `max` characters. */
export function inputCode(value: string, options: FieldOptions & { max: number }): string {
  if (typeof value !== 'string') throw fail(options, 'INVALID_CODE', 'is not a code');
  if (value.length > options.max + 64) throw fail(options, 'INVALID_CODE', `has more than ${options.max} characters`, { max: options.max });
  const code = value.trim().toUpperCase();
  if (code.length === 0 || code.length > options.max || !CODE.test(code)) {
    throw fail(options, 'INVALID_CODE', `must be 1 to ${options.max} characters of A-Z, 0-9, ".", "_" or "-"`, { max: options.max });
  }
  return code;
}

/** The dates a service accepts: anything outside is a typo or an attack (9999-12-31), not a plan. */
export interface DateRange {
  earliest: string;
  latest: string;
}

/** A real calendar date `YYYY-MM-DD` inside `range`. */
export function inputDate(value: string, options: FieldOptions & { range: DateRange }): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw fail(options, 'INVALID_DATE', 'is not a date (YYYY-MM-DD)', { value: String(value).slice(0, 40) });
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw fail(options, 'INVALID_DATE', 'is not a date (YYYY-MM-DD)', { value });
  }
  if (value < options.range.earliest || value > options.range.latest) {
    throw fail(options, 'DATE_OUT_OF_RANGE', `must lie between ${options.range.earliest} and ${options.range.latest}`, {
      value,
      earliest: options.range.earliest,
      latest: options.range.latest,
    });
  }
  return value;
}

/** A page size: `fallback` when absent, refused (never silently cut) above `max` or below 0. */
export function inputPageSize(value: number | null | undefined, options: FieldOptions & { max: number; fallback: number }): number {
  if (value === null || value === undefined) return options.fallback;
  if (!Number.isInteger(value) || value < 0) throw fail(options, 'INVALID_PAGE_SIZE', 'must be a whole number, 0 or more');
  if (value > options.max) throw fail(options, 'PAGE_SIZE_TOO_LARGE', `is at most ${options.max}`, { max: options.max });
  return value;
}
