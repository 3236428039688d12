import { type DateRange, badInput, inputCode, inputDate, inputId, inputText } from '@antt/service-kit';
import { isCalendarDate } from '../shared/calendar-date';
import { type Correction } from './unit.types';

export const MAX_CODE = 64;
export const MAX_NAME = 255;
export const MAX_REASON = 2000;
/** Longest search text; longer ones are refused before any work (a 512k-word search once ran 18 s). */
export const MAX_SEARCH_TEXT = 200;
/** Most words a search may hold. */
export const MAX_SEARCH_WORDS = 10;

/**
 * The canonical form of everything org-units is sent, applied before a command or query does any work: ids are UUIDs,
 * codes upper case `[A-Z0-9._-]`, names NFC without control or bidi characters, dates real and inside the configured
 * range. A value that breaks these is `BAD_USER_INPUT` naming the field; nothing is read or written.
 */
export class UnitInput {
  constructor(readonly dates: DateRange) {}

  id(value: string, field: string): string {
    return inputId(value, { field });
  }

  optionalId<T extends null | undefined>(value: string | T, field: string): string | T {
    return value === null || value === undefined ? value : this.id(value, field);
  }

  code(value: string, field = 'code'): string {
    return inputCode(value, { field, max: MAX_CODE });
  }

  name(value: string, field = 'name'): string {
    return inputText(value, { field, max: MAX_NAME, reason: 'UNIT_INVALID_INPUT' });
  }

  reason(value: string, field = 'reason'): string {
    return inputText(value, { field, max: MAX_REASON, multiline: true, reason: 'UNIT_INVALID_INPUT' });
  }

  correction(value: Correction | null | undefined): Correction | null {
    return value ? { reason: this.reason(value.reason, 'correction.reason') } : null;
  }

  /** A real date (reason UNIT_INVALID_DATE otherwise) inside the configured range (DATE_OUT_OF_RANGE). */
  date(value: string, field: string): string {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw badInput('UNIT_INVALID_DATE', `${field}: "${String(value).slice(0, 40)}" is not a date (YYYY-MM-DD)`, { field, value: String(value).slice(0, 40) });
    }
    return inputDate(value, { field, range: this.dates });
  }

  /** Search text: bounded, no control characters; blank is allowed (it finds nothing). */
  searchText(value: string, field = 'text'): string {
    const text = inputText(value, { field, max: MAX_SEARCH_TEXT, allowBlank: true });
    if (text.split(' ').length > MAX_SEARCH_WORDS) {
      throw badInput('SEARCH_TOO_MANY_WORDS', `${field}: at most ${MAX_SEARCH_WORDS} words`, { field, max: MAX_SEARCH_WORDS });
    }
    return text;
  }
}
