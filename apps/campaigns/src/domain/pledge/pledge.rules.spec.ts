import { maskName, maskPhone, nameKey } from '@antt/service-kit';
import { canonicalRow, checkColumns, dedupMaterial, percentOf } from './pledge.rules';

const dates = { earliest: '2000-01-01', latest: '2100-12-31' };
const row = (values: Record<string, string>) => ({
  unit_code: 'tb-vt-vh-01',
  signer_kind: 'resident',
  full_name: '  Nguyễn   Văn An ',
  birth_year: '1980',
  citizen_id: '',
  phone: '',
  household_code: '',
  signed_on: '2024-03-01',
  ...values,
});

describe('pledge rules', () => {
  it('canonicalises a row: code upper case, kind, NFC single-spaced name, citizen ID digits, phone 0…', () => {
    const decomposed = 'Nguye\u0302\u0303n Văn An';
    const result = canonicalRow(5, row({ full_name: decomposed, citizen_id: '034 080 000 123', phone: '+84 912 345 678' }), dates, 2024);
    expect(result).toEqual({
      row: 5,
      unitCode: 'TB-VT-VH-01',
      signerKind: 'RESIDENT',
      fullName: 'Nguyễn Văn An',
      birthYear: 1980,
      citizenId: '034080000123',
      phone: '0912345678',
      householdCode: null,
      signedOn: '2024-03-01',
    });
  });

  it('names every bad column with its code', () => {
    const faults = canonicalRow(2, row({ signer_kind: 'CHILD', citizen_id: '12345', phone: '12ab', birth_year: '2090', signed_on: '2024-02-30', full_name: 'A\u0007B' }), dates, 2024);
    expect(Array.isArray(faults) && faults.map((fault) => [fault.column, fault.error.reason])).toEqual([
      ['signer_kind', 'PLEDGE_INVALID_SIGNER_KIND'],
      ['full_name', 'INVALID_TEXT'],
      ['birth_year', 'PLEDGE_INVALID_BIRTH_YEAR'],
      ['citizen_id', 'PLEDGE_INVALID_CITIZEN_ID'],
      ['phone', 'PLEDGE_INVALID_PHONE'],
      ['signed_on', 'INVALID_DATE'],
    ]);
  });

  it('a household needs its code; a person without a citizen ID needs a birth year', () => {
    const household = canonicalRow(2, row({ signer_kind: 'HOUSEHOLD' }), dates, 2024);
    expect(Array.isArray(household) && household.map((fault) => fault.error.reason)).toEqual(['PLEDGE_HOUSEHOLD_CODE_REQUIRED']);
    const person = canonicalRow(2, row({ birth_year: '' }), dates, 2024);
    expect(Array.isArray(person) && person.map((fault) => fault.error.reason)).toEqual(['PLEDGE_BIRTH_YEAR_REQUIRED']);
  });

  it('checks a CSV header whole: missing, unexpected and repeated columns', () => {
    expect(checkColumns(['unit_code', 'signer_kind', 'full_name', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on'])).toEqual({ missing: [], unexpected: [] });
    expect(checkColumns(['UNIT_CODE', 'signer_kind', 'name', 'birth_year', 'citizen_id', 'phone', 'household_code', 'signed_on', 'phone'])).toEqual({
      missing: ['full_name'],
      unexpected: ['name', 'phone'],
    });
  });

  it('duplicate keys: the citizen ID across units, else name and birth year or household code inside the unit', () => {
    const a = canonicalRow(2, row({ citizen_id: '034080000123' }), dates, 2024);
    const b = canonicalRow(3, row({ citizen_id: '034080000123', full_name: 'Other Name' }), dates, 2024);
    if (Array.isArray(a) || Array.isArray(b)) throw new Error('rows expected valid');
    expect(dedupMaterial('u1', a)).toEqual(dedupMaterial('u2', b));
    const c = canonicalRow(4, row({ full_name: 'NGUYỄN VĂN AN' }), dates, 2024);
    const d = canonicalRow(5, row({ full_name: 'Nguyễn Văn Ân' }), dates, 2024);
    if (Array.isArray(c) || Array.isArray(d)) throw new Error('rows expected valid');
    expect(nameKey(c.fullName)).toBe('nguyễn văn an');
    expect(dedupMaterial('u1', c)).not.toEqual(dedupMaterial('u1', d));
    expect(dedupMaterial('u1', c)).not.toEqual(dedupMaterial('u2', c));
  });

  it('masks names and phones; percent is null without a denominator', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N***** V** A*');
    expect(maskPhone('0912345678')).toBe('*******678');
    expect(percentOf(1197, 1200)).toBe(99.75);
    expect(percentOf(3, null)).toBeNull();
    expect(percentOf(3, 0)).toBeNull();
  });
});
