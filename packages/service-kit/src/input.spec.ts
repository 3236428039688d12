import { DomainError } from '@antt/auth';
import { inputCode, inputDate, inputId, inputOptionalId, inputPageSize, inputText } from './input';

function refusal(fn: () => unknown): { category: string; reason: string; field: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { category: e.category, reason: e.reason, field: e.details.field };
  }
  throw new Error('expected a refusal');
}

describe('inputId', () => {
  it('accepts a UUID in lower case and refuses anything else naming the field', () => {
    expect(inputId('0F8FAD5B-D9CB-469F-A165-70867728950E', { field: 'unitId' })).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(refusal(() => inputId('12', { field: 'unitId' }))).toEqual({ category: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: 'unitId' });
    expect(refusal(() => inputId('0f8fad5b-d9cb-469f-a165-70867728950e\u0000', { field: 'x' })).reason).toBe('INVALID_ID');
    expect(inputOptionalId(null, { field: 'p' })).toBeNull();
    expect(inputOptionalId(undefined, { field: 'p' })).toBeUndefined();
  });
});

describe('inputText', () => {
  const name = { field: 'name', max: 10 };
  it('normalises to NFC, trims and collapses spaces', () => {
    expect(inputText('  Vu\u0303   Ho\u0323\u0302i ', { field: 'name', max: 50 })).toBe('Vũ Hội');
  });
  it('refuses NUL and other controls, bidi overrides, blanks and long texts', () => {
    expect(refusal(() => inputText('a\u0000b', name))).toEqual({ category: 'BAD_USER_INPUT', reason: 'INVALID_TEXT', field: 'name' });
    expect(refusal(() => inputText('a\u202Eb', name)).reason).toBe('INVALID_TEXT');
    expect(refusal(() => inputText('a\nb', name)).reason).toBe('INVALID_TEXT');
    expect(refusal(() => inputText('   ', name)).reason).toBe('INVALID_TEXT');
    expect(refusal(() => inputText('x'.repeat(11), name)).reason).toBe('TEXT_TOO_LONG');
    expect(refusal(() => inputText('x'.repeat(1_000_000), name)).reason).toBe('TEXT_TOO_LONG');
  });
  it('keeps line breaks in multi-line text and may allow blank', () => {
    expect(inputText(' a\n b ', { field: 'reason', max: 10, multiline: true })).toBe('a\n b');
    expect(inputText(' ', { field: 'reason', max: 10, allowBlank: true })).toBe('');
  });
  it('uses a service reason when given', () => {
    expect(refusal(() => inputText('', { ...name, reason: 'UNIT_INVALID_INPUT' })).reason).toBe('UNIT_INVALID_INPUT');
  });
});

describe('inputCode', () => {
  it('canonicalises to trimmed upper case and refuses other characters', () => {
    expect(inputCode(' tb-vt.01_a ', { field: 'code', max: 20 })).toBe('TB-VT.01_A');
    expect(refusal(() => inputCode('TB VT', { field: 'code', max: 20 }))).toEqual({ category: 'BAD_USER_INPUT', reason: 'INVALID_CODE', field: 'code' });
    expect(refusal(() => inputCode('A\u0000', { field: 'code', max: 20 })).reason).toBe('INVALID_CODE');
    expect(refusal(() => inputCode('', { field: 'code', max: 20 })).reason).toBe('INVALID_CODE');
    expect(refusal(() => inputCode('X'.repeat(21), { field: 'code', max: 20 })).reason).toBe('INVALID_CODE');
  });
});

describe('inputDate', () => {
  const range = { earliest: '1945-01-01', latest: '2100-12-31' };
  it('accepts real dates inside the range', () => {
    expect(inputDate('2024-02-29', { field: 'effectiveDate', range })).toBe('2024-02-29');
  });
  it('refuses non-dates and dates outside the range', () => {
    expect(refusal(() => inputDate('2023-02-29', { field: 'd', range })).reason).toBe('INVALID_DATE');
    expect(refusal(() => inputDate('9999-12-31', { field: 'd', range }))).toEqual({ category: 'BAD_USER_INPUT', reason: 'DATE_OUT_OF_RANGE', field: 'd' });
  });
});

describe('inputPageSize', () => {
  const options = { field: 'first', max: 1000, fallback: 50 };
  it('defaults, accepts up to the maximum, refuses above it instead of cutting', () => {
    expect(inputPageSize(undefined, options)).toBe(50);
    expect(inputPageSize(1000, options)).toBe(1000);
    expect(refusal(() => inputPageSize(1001, options))).toEqual({ category: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_TOO_LARGE', field: 'first' });
    expect(refusal(() => inputPageSize(-1, options)).reason).toBe('INVALID_PAGE_SIZE');
  });
});
