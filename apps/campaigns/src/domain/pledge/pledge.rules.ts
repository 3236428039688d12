import { badInput, DomainError, type DateRange, inputCode, inputDate, inputText, nameKey } from '@antt/service-kit';
import { type RowFault, rowFault } from './pledge.errors';
import { SIGNER_KINDS, type SignerKind } from './pledge.types';

/** The columns of a pledge CSV, exactly (any order). Anything else is refused: no extra personal data slips in. */
export const PLEDGE_COLUMNS = ['unit_code', 'signer_kind', 'full_name', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on'] as const;
export type PledgeColumn = (typeof PLEDGE_COLUMNS)[number];

/** Which signers each kind of unit has: households and residents in residential areas, pupils in schools, staff elsewhere. */
export const SIGNERS_BY_UNIT_KIND: Readonly<Record<string, readonly SignerKind[]>> = {
  RESIDENTIAL_AREA: ['RESIDENT', 'HOUSEHOLD'],
  SCHOOL: ['STAFF', 'PUPIL'],
  AGENCY: ['STAFF'],
  ENTERPRISE: ['STAFF'],
  DEPARTMENT: ['STAFF'],
  COMMUNE: ['STAFF'],
  SECURITY_TEAM: ['STAFF'],
};

/** The columns missing from and not expected in a CSV header (both empty: the header is right). */
export function checkColumns(header: readonly string[]): { missing: string[]; unexpected: string[] } {
  const given = header.map((column) => column.trim().toLowerCase());
  const missing = PLEDGE_COLUMNS.filter((column) => !given.includes(column));
  const unexpected = given.filter((column, index) => !(PLEDGE_COLUMNS as readonly string[]).includes(column) || given.indexOf(column) !== index);
  return { missing, unexpected };
}

/** A row in canonical form, before its unit and dates are checked against the directory and the campaign. */
export interface CanonicalRow {
  row: number;
  unitCode: string;
  signerKind: SignerKind;
  fullName: string;
  birthYear: number | null;
  citizenId: string | null;
  phone: string | null;
  householdCode: string | null;
  signedOn: string | null;
}

const CITIZEN_ID = /^\d{12}$/;
// Vietnamese mobile and landline numbers: 0 then 9 or 10 digits; +84 / 84 is turned into 0.
const PHONE = /^0\d{9,10}$/;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Canonicalises one row: names NFC without control characters, the citizen ID as 12 digits, the phone as 0xxxxxxxxx, codes
 * upper case. Returns the row or every fault found (each naming its column).
 */
export function canonicalRow(row: number, values: Readonly<Record<string, string | undefined>>, dates: DateRange, currentYear: number): CanonicalRow | RowFault[] {
  const faults: RowFault[] = [];
  const take = <T>(column: PledgeColumn, read: (value: string) => T): T | null => {
    try {
      return read(values[column] ?? '');
    } catch (error) {
      if (error instanceof DomainError) faults.push(rowFault(column, error));
      else throw error;
      return null;
    }
  };
  const unitCode = take('unit_code', (value) => inputCode(value, { field: 'unit_code', max: 64 }));
  const signerKind = take('signer_kind', (value) => {
    const kind = value.trim().toUpperCase();
    if (!(SIGNER_KINDS as readonly string[]).includes(kind)) {
      throw badInput('PLEDGE_INVALID_SIGNER_KIND', `signer_kind: must be one of ${SIGNER_KINDS.join(', ')}`, { field: 'signer_kind' });
    }
    return kind as SignerKind;
  });
  const fullName = take('full_name', (value) => inputText(value, { field: 'full_name', max: 120 }));
  const birthYear = take('birth_year', (value) => {
    if (blank(value)) return null;
    const year = Number(value.trim());
    if (!/^\d{4}$/.test(value.trim()) || year < 1900 || year > currentYear) {
      throw badInput('PLEDGE_INVALID_BIRTH_YEAR', `birth_year: a year between 1900 and ${currentYear}`, { field: 'birth_year' });
    }
    return year;
  });
  const citizenId = take('citizen_id', (value) => {
    if (blank(value)) return null;
    const digits = value.replace(/[\s.-]/g, '');
    if (!CITIZEN_ID.test(digits)) throw badInput('PLEDGE_INVALID_CITIZEN_ID', 'citizen_id: a citizen ID is 12 digits', { field: 'citizen_id' });
    return digits;
  });
  const phone = take('phone', (value) => {
    if (blank(value)) return null;
    let digits = value.replace(/[\s.()-]/g, '');
    if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
    else if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
    if (!PHONE.test(digits)) throw badInput('PLEDGE_INVALID_PHONE', 'phone: a Vietnamese phone number (0 then 9 or 10 digits, or +84…)', { field: 'phone' });
    return digits;
  });
  const householdCode = take('household_code', (value) => (blank(value) ? null : inputCode(value, { field: 'household_code', max: 32 })));
  const signedOn = take('signed_on', (value) => (blank(value) ? null : inputDate(value.trim(), { field: 'signed_on', range: dates })));
  if (signerKind === 'HOUSEHOLD' && householdCode === null && !faults.some((fault) => fault.column === 'household_code')) {
    faults.push(rowFault('household_code', badInput('PLEDGE_HOUSEHOLD_CODE_REQUIRED', 'household_code: a household pledge names its household', { field: 'household_code' })));
  }
  if (signerKind !== null && signerKind !== 'HOUSEHOLD' && citizenId === null && birthYear === null && !faults.some((f) => f.column === 'birth_year' || f.column === 'citizen_id')) {
    faults.push(
      rowFault('birth_year', badInput('PLEDGE_BIRTH_YEAR_REQUIRED', 'birth_year: without a citizen ID a person is told apart by name and birth year', { field: 'birth_year' })),
    );
  }
  if (faults.length > 0) return faults;
  return {
    row,
    unitCode: unitCode as string,
    signerKind: signerKind as SignerKind,
    fullName: fullName as string,
    birthYear,
    citizenId,
    phone,
    householdCode,
    signedOn,
  };
}

/**
 * What the duplicate key hashes: the citizen ID when given (once per person in the family, whatever the unit); else, inside
 * the unit, the household code for a household or the normalised name and birth year for a person.
 */
export function dedupMaterial(unitId: string, row: CanonicalRow): { prefix: 'cid' | 'hh' | 'nm'; material: string } {
  if (row.signerKind === 'HOUSEHOLD') return { prefix: 'hh', material: `hh|${unitId}|${row.householdCode ?? ''}` };
  if (row.citizenId) return { prefix: 'cid', material: `cid|${row.citizenId}` };
  return { prefix: 'nm', material: `nm|${unitId}|${nameKey(row.fullName)}|${row.birthYear ?? ''}` };
}

/** percent with two decimals, null when the denominator is unknown or 0. */
export function percentOf(numerator: number, denominator: number | null): number | null {
  if (denominator === null || denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 100;
}
