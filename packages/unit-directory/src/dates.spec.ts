import { toIsoDate } from './dates';

describe('toIsoDate', () => {
  it('keeps a plain date string', () => {
    expect(toIsoDate('2024-11-15')).toBe('2024-11-15');
  });
  it('takes the UTC date of a Date or a timestamp string', () => {
    expect(toIsoDate(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01');
    expect(toIsoDate('2025-07-01T10:30:00Z')).toBe('2025-07-01');
  });
  it('refuses what is not a date', () => {
    expect(() => toIsoDate('not a date')).toThrow(RangeError);
  });
});
