import { type UnitImportColumn } from '@antt/contracts';
import { type DateRange, DomainError, inputCode, inputDate, inputText } from '@antt/service-kit';
import { assertAttributesInForce, patchAttributes } from '../domain/unit/unit-attributes';
import { EMPTY_ATTRIBUTES, UNIT_KINDS, type UnitAttributes, type UnitKind } from '../domain/unit/unit.types';
import { type ImportRow, type RejectedRow } from './import-row';

/** Codes and names as the GraphQL API takes them (`inputCode`, `inputText` of the service kit). */
export const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 255;
/** `resident_households` and `staff_count` are PostgreSQL `integer` (int4). */
export const MAX_COUNT = 2_147_483_647;

/** A row in canonical form: every column checked on its own, nothing yet looked up. */
export interface CheckedRow {
  row: number;
  code: string;
  kind: UnitKind;
  name: string;
  parentCode: string | null;
  managingCode: string | null;
  effectiveFrom: string;
  attributes: UnitAttributes;
}

export interface RowCheckOptions {
  /** Date for rows without `effectiveFrom` (already checked), or null: such rows are refused. */
  defaultEffectiveFrom: string | null;
  /** The dates a row may carry. */
  dates: DateRange;
}

/** A column's value refused on its own. */
export class ColumnRejected extends Error {
  constructor(
    readonly column: UnitImportColumn | null,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

type Cell = string | number | boolean | null;

/** The value of `column`, refusing what a file cannot mean there (objects, arrays; numbers or booleans where text goes). */
function cell(raw: ImportRow, column: UnitImportColumn, accepts: readonly ('number' | 'boolean')[] = [], reason = 'UNIT_INVALID_INPUT'): Cell {
  const value = raw[column];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if ((typeof value === 'number' || typeof value === 'boolean') && accepts.includes(typeof value as 'number' | 'boolean')) {
    return value;
  }
  const found = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  const wanted = accepts.length === 0 ? 'a text' : `a text or ${accepts.map((a) => `a ${a}`).join(' or ')}`;
  throw new ColumnRejected(column, reason, `${column} must be ${wanted}, not ${found}`);
}

/** Runs a kit check and reports its failure on `column` with the unit reason the API uses. */
function field<T>(column: UnitImportColumn, reason: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError) throw new ColumnRejected(column, reason, error.message);
    throw error;
  }
}

/** The code of a row as written, canonical when valid: for the report, even when the row fails. */
export function reportedCode(raw: ImportRow): string | null {
  const value: unknown = raw !== null && typeof raw === 'object' ? raw.code : undefined;
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    return inputCode(value, { field: 'code', max: MAX_CODE_LENGTH });
  } catch {
    return value.trim().slice(0, MAX_CODE_LENGTH + 16);
  }
}

/** The canonical code in `column`, or null when empty. */
export function codeOf(raw: ImportRow, column: 'code' | 'parentCode' | 'managingUnitCode'): string | null {
  const value = cell(raw, column);
  if (value === null) return null;
  return field(column, 'UNIT_INVALID_INPUT', () => inputCode(String(value), { field: column, max: MAX_CODE_LENGTH }));
}

/**
 * Checks and canonicalises every column of one row (codes upper case, names NFC without control characters, dates
 * real and inside the service's range, counts within int4, attributes allowed for the kind); throws
 * {@link ColumnRejected} naming the first column that fails.
 */
export function checkRow(raw: ImportRow, row: number, options: RowCheckOptions): CheckedRow {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ColumnRejected(null, 'UNIT_INVALID_INPUT', 'the row is not an object of columns');
  }
  const code = codeOf(raw, 'code');
  if (code === null) throw new ColumnRejected('code', 'UNIT_INVALID_INPUT', 'code is missing');
  const kindText = cell(raw, 'kind');
  const kind = kindText === null ? null : String(kindText).trim().toUpperCase();
  if (kind === null || !(UNIT_KINDS as readonly string[]).includes(kind)) {
    const shown = kindText === null ? 'missing' : JSON.stringify(String(kindText).slice(0, 40));
    throw new ColumnRejected('kind', 'UNIT_INVALID_INPUT', `kind ${shown} is not one of ${UNIT_KINDS.join(', ')}`);
  }
  const nameValue = cell(raw, 'name');
  if (nameValue === null) throw new ColumnRejected('name', 'UNIT_INVALID_INPUT', 'name is missing');
  const name = field('name', 'UNIT_INVALID_INPUT', () => inputText(String(nameValue), { field: 'name', max: MAX_NAME_LENGTH }));
  const parentCode = codeOf(raw, 'parentCode');
  const managingCode = codeOf(raw, 'managingUnitCode');
  const dateValue = cell(raw, 'effectiveFrom', [], 'UNIT_INVALID_DATE');
  let effectiveFrom: string;
  if (dateValue !== null) {
    effectiveFrom = field('effectiveFrom', 'UNIT_INVALID_DATE', () =>
      inputDate(String(dateValue).trim(), { field: 'effectiveFrom', range: options.dates }),
    );
  } else if (options.defaultEffectiveFrom !== null) {
    effectiveFrom = options.defaultEffectiveFrom;
  } else {
    throw new ColumnRejected('effectiveFrom', 'UNIT_INVALID_DATE', 'effectiveFrom is missing (and no default date was given)');
  }
  const unitKind = kind as UnitKind;
  const attributes = checkAttributes(raw, unitKind);
  field('communeType', 'UNIT_INVALID_INPUT', () => assertAttributesInForce(attributes, effectiveFrom));
  return { row, code, kind: unitKind, name, parentCode, managingCode, effectiveFrom, attributes };
}

function checkAttributes(raw: ImportRow, kind: UnitKind): UnitAttributes {
  const count = (column: 'residentHouseholds' | 'staffCount'): number | null => {
    const value = cell(raw, column, ['number']);
    if (value === null) return null;
    const digits = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(String(value).trim()) : NaN;
    if (!Number.isSafeInteger(digits) || digits < 0) {
      throw new ColumnRejected(column, 'UNIT_INVALID_INPUT', `${column} must be a whole number, 0 or more (got ${String(value).slice(0, 40)})`);
    }
    if (digits > MAX_COUNT) throw new ColumnRejected(column, 'UNIT_INVALID_INPUT', `${column} must be at most ${MAX_COUNT} (got ${String(value).slice(0, 40)})`);
    return digits;
  };
  const flag = (): boolean | null => {
    const value = cell(raw, 'armedForces', ['boolean']);
    if (value === null || typeof value === 'boolean') return value;
    const t = String(value).trim().toLowerCase();
    if (['true', '1', 'yes', 'x'].includes(t)) return true;
    if (['false', '0', 'no'].includes(t)) return false;
    throw new ColumnRejected('armedForces', 'UNIT_INVALID_INPUT', 'armedForces must be true or false');
  };
  const upper = (column: 'enterpriseSize' | 'schoolLevel' | 'communeType') => {
    const value = cell(raw, column);
    return value === null ? null : String(value).trim().toUpperCase();
  };
  const patch = {
    enterpriseSize: upper('enterpriseSize') as UnitAttributes['enterpriseSize'],
    schoolLevel: upper('schoolLevel') as UnitAttributes['schoolLevel'],
    armedForces: flag(),
    residentHouseholds: count('residentHouseholds'),
    staffCount: count('staffCount'),
    communeType: upper('communeType') as UnitAttributes['communeType'],
  };
  try {
    return patchAttributes(kind, EMPTY_ATTRIBUTES, patch);
  } catch (error) {
    if (error instanceof DomainError) {
      const column = typeof error.details.field === 'string' ? (error.details.field as UnitImportColumn) : null;
      throw new ColumnRejected(column, error.reason, error.message);
    }
    throw error;
  }
}

/** The report line of a row refused by {@link checkRow}. */
export function rejectedRow(row: number, raw: ImportRow, error: ColumnRejected): RejectedRow {
  return { row, code: reportedCode(raw), column: error.column, reason: error.reason, message: error.message };
}
