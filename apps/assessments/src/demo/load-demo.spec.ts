import { type RuleSetView } from '../domain/rule-set';
import { classify } from '../domain/classification';
import { criteriaAnswersFor, draw, recognitionPlan, scoresFor, targetClass } from './load-demo';

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

describe('demo criteria answers', () => {
  const withCriteria = {
    ...ruleSet,
    criteria: [
      { code: 'RA_2', position: 2, derivation: null },
      { code: 'RA_3', position: 3, derivation: 'NO_LISTED_INCIDENT' },
      { code: 'RA_1', position: 1, derivation: null },
      { code: 'PROVINCE_ADDITIONS', position: 6, derivation: null },
    ],
  } as unknown as RuleSetView;
  const codeWith = (plan: ReturnType<typeof recognitionPlan>) => {
    for (let n = 0; n < 5000; n += 1) if (recognitionPlan(`TB-Z-${n}`) === plan) return `TB-Z-${n}`;
    throw new Error(`no code with plan ${plan}`);
  };

  it('answers every non-derived criterion met, in position order, never a derived one', () => {
    const answers = criteriaAnswersFor(withCriteria, codeWith('ACHIEVED'));
    expect(answers.map((a) => [a.criterionCode, a.met])).toEqual([
      ['RA_1', true],
      ['RA_2', true],
      ['PROVINCE_ADDITIONS', true],
    ]);
    expect(criteriaAnswersFor(withCriteria, codeWith('REFUSED')).every((a) => a.met)).toBe(true);
  });

  it('answers the first criterion not met when the draw refuses the unit on it', () => {
    expect(criteriaAnswersFor(withCriteria, codeWith('FAILS_CRITERION')).map((a) => [a.criterionCode, a.met])).toEqual([
      ['RA_1', false],
      ['RA_2', true],
      ['PROVINCE_ADDITIONS', true],
    ]);
  });

  it('plans about 88% decided ACHIEVED, 4% refused on a criterion, 2% refused by the committee, 6% pending', () => {
    const counts = { PENDING: 0, FAILS_CRITERION: 0, REFUSED: 0, ACHIEVED: 0 };
    for (let n = 0; n < 4000; n += 1) counts[recognitionPlan(`TB-W-${n}`)] += 1;
    expect(counts.ACHIEVED / 4000).toBeCloseTo(0.88, 1);
    expect(counts.FAILS_CRITERION / 4000).toBeCloseTo(0.04, 1);
    expect(counts.REFUSED / 4000).toBeCloseTo(0.02, 1);
    expect(counts.PENDING / 4000).toBeCloseTo(0.06, 1);
  });
});
