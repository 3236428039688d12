import { classify, totalScore } from './classification.rules';

const items = [
  { code: 'A', maxPoints: 3 },
  { code: 'B', maxPoints: 5 },
  { code: 'C', maxPoints: 92 },
];
const bands = [
  { classification: 'WEAK' as const, minScore: 0 },
  { classification: 'EXCELLENT' as const, minScore: 90 },
  { classification: 'GOOD' as const, minScore: 75 },
  { classification: 'AVERAGE' as const, minScore: 50 },
];

describe('classification rules (R11, R14)', () => {
  it('sums the item scores, each clamped to its maximum and to zero, missing items counting zero', () => {
    expect(totalScore(items, new Map([['A', 4], ['B', 4.5], ['C', 80]]))).toBe(87.5);
    expect(totalScore(items, new Map([['A', -1], ['C', 10.333]]))).toBe(10.33);
  });

  it('takes the highest band the score reaches, whatever order the bands are stored in', () => {
    expect(classify(bands, 90)).toBe('EXCELLENT');
    expect(classify(bands, 89.99)).toBe('GOOD');
    expect(classify(bands, 50)).toBe('AVERAGE');
    expect(classify(bands, 12)).toBe('WEAK');
  });
});
