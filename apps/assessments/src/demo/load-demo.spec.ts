import { type RuleSetView } from '../domain/rule-set';
import { classify } from '../domain/classification';
import { draw, scoresFor, targetClass } from './load-demo';

const ruleSet = {
  bands: [
    { classification: 'EXCELLENT', minScore: 90 },
    { classification: 'GOOD', minScore: 75 },
    { classification: 'AVERAGE', minScore: 50 },
    { classification: 'WEAK', minScore: 0 },
  ],
  items: [
    { code: 'A', position: 1, title: 'A', maxPoints: 3, condition: null },
    { code: 'B', position: 2, title: 'B', maxPoints: 12.5, condition: null },
    { code: 'C', position: 3, title: 'C', maxPoints: 37.5, condition: null },
    { code: 'D', position: 4, title: 'D', maxPoints: 47, condition: null },
  ],
} as unknown as RuleSetView;

describe('demo scores', () => {
  it('draws are stable per code and purpose', () => {
    expect(draw('TB-VT-VH-01', 'recognition')).toBe(draw('TB-VT-VH-01', 'recognition'));
    expect(draw('TB-VT-VH-01', 'recognition')).not.toBe(draw('TB-VT-VH-01', 'classification'));
  });

  it('spreads the target classes about 7/53/30/10 over many codes', () => {
    const counts = { EXCELLENT: 0, GOOD: 0, AVERAGE: 0, WEAK: 0 };
    for (let n = 0; n < 4000; n += 1) counts[targetClass(`TB-X-${n}`)] += 1;
    expect(counts.EXCELLENT / 4000).toBeCloseTo(0.07, 1);
    expect(counts.GOOD / 4000).toBeCloseTo(0.53, 1);
    expect(counts.AVERAGE / 4000).toBeCloseTo(0.3, 1);
    expect(counts.WEAK / 4000).toBeCloseTo(0.1, 1);
  });

  it('scores every item within its maximum, in hundredths, with a total in the band aimed at', () => {
    for (const target of ['EXCELLENT', 'GOOD', 'AVERAGE', 'WEAK'] as const) {
      for (let n = 0; n < 200; n += 1) {
        const scores = scoresFor(ruleSet, target, `TB-Y-${n}`);
        expect(scores.map((s) => s.itemCode)).toEqual(['A', 'B', 'C', 'D']);
        scores.forEach((s, i) => {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(ruleSet.items[i]!.maxPoints);
          expect(Math.abs(Math.round(s.score * 100) - s.score * 100)).toBeLessThan(1e-6);
        });
        const total = Math.round(scores.reduce((sum, s) => sum + s.score * 100, 0)) / 100;
        expect(classify(ruleSet.bands, total)).toBe(target);
        if (target === 'WEAK') expect(total).toBeGreaterThanOrEqual(30);
      }
    }
  });
});
