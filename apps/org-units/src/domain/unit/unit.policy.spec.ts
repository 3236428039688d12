import { firstGap } from './unit.policy';

describe('firstGap', () => {
  it('is null when the intervals cover the period, open-ended or not', () => {
    expect(firstGap([{ from: '2024-01-01', to: null }], '2024-06-01', null)).toBeNull();
    expect(firstGap([{ from: '2024-01-01', to: '2025-01-01' }], '2024-06-01', '2025-01-01')).toBeNull();
    expect(firstGap([{ from: '2024-01-01', to: '2024-07-01' }, { from: '2024-07-01', to: null }], '2024-06-01', null)).toBeNull();
  });

  it('names the first uncovered date', () => {
    expect(firstGap([], '2024-06-01', null)).toBe('2024-06-01');
    expect(firstGap([{ from: '2024-01-01', to: '2025-01-01' }], '2024-06-01', null)).toBe('2025-01-01');
    expect(firstGap([{ from: '2024-07-01', to: null }], '2024-06-01', null)).toBe('2024-06-01');
    expect(firstGap([{ from: '2024-01-01', to: '2024-08-01' }, { from: '2024-09-01', to: null }], '2024-06-01', null)).toBe('2024-08-01');
  });
});
