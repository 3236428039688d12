import { type UnitKind } from '@antt/contracts';
import { latestPerUnitYear } from './assessment-projection';
import { figuresOf, judge, judgeKinds } from './attainment.rules';
import { type KindCounts } from './attainment.types';

const counts = (kind: UnitKind, partial: Partial<KindCounts>): KindCounts => ({
  kind,
  units: 0,
  registered: 0,
  eligible: 0,
  recognised: 0,
  excellent: 0,
  goodOrBetter: 0,
  ...partial,
});

describe('attainment rules', () => {
  it('judges on the exact ratio: more than 80% is not met at exactly 80%, at least 80% is', () => {
    expect(judge(8, 10, 'GT', 80)).toEqual({ numerator: 8, denominator: 10, percent: 80, met: false });
    expect(judge(8, 10, 'GTE', 80)).toEqual({ numerator: 8, denominator: 10, percent: 80, met: true });
    expect(judge(20_001, 25_000, 'GT', 80)).toMatchObject({ percent: 80, met: true });
    expect(judge(1, 3, 'GTE', 5)).toMatchObject({ percent: 33.33, met: true });
  });

  it('answers nothing counted as neither met nor missed', () => {
    expect(judge(0, 0, 'GTE', 100)).toEqual({ numerator: 0, denominator: 0, percent: null, met: null });
  });

  it('counts units in Circular 124 scope for the safe standard, every unit for registration and classification', () => {
    const enterprises = counts('ENTERPRISE', { units: 10, registered: 9, eligible: 6, recognised: 5, excellent: 1, goodOrBetter: 4 });
    expect(figuresOf('REGISTRATION_RATE', enterprises)).toEqual({ numerator: 9, denominator: 10 });
    expect(figuresOf('SAFE_STANDARD_RATE', enterprises)).toEqual({ numerator: 5, denominator: 6 });
    expect(figuresOf('EXCELLENT_RATE', enterprises)).toEqual({ numerator: 1, denominator: 10 });
    expect(figuresOf('GOOD_RATE', enterprises)).toEqual({ numerator: 4, denominator: 10 });
    expect(figuresOf('NEW_RURAL_SECURITY_RATE', counts('COMMUNE', { units: 5, eligible: 5, recognised: 4 }))).toEqual({ numerator: 4, denominator: 5 });
  });

  it('sums the kinds a target counts and leaves the others out', () => {
    const byKind = new Map<UnitKind, KindCounts>([
      ['RESIDENTIAL_AREA', counts('RESIDENTIAL_AREA', { units: 8, eligible: 8, recognised: 7 })],
      ['COMMUNE', counts('COMMUNE', { units: 2, eligible: 2, recognised: 2 })],
      ['SCHOOL', counts('SCHOOL', { units: 5, eligible: 5, recognised: 0 })],
    ]);
    expect(judgeKinds({ indicator: 'SAFE_STANDARD_RATE', comparator: 'GT', threshold: 80 }, byKind, ['RESIDENTIAL_AREA', 'COMMUNE'])).toEqual({
      numerator: 9,
      denominator: 10,
      percent: 90,
      met: true,
    });
  });

  it('keeps the highest revision per unit and year of a batch', () => {
    const decisions = [
      { unitId: 'b', year: 2024, revision: 1, status: 'RECOGNISED' },
      { unitId: 'a', year: 2024, revision: 3, status: 'REVOKED' },
      { unitId: 'a', year: 2024, revision: 2, status: 'RECOGNISED' },
      { unitId: 'a', year: 2025, revision: 1, status: 'RECOGNISED' },
    ];
    expect(latestPerUnitYear(decisions).map((d) => [d.unitId, d.year, d.revision])).toEqual([
      ['a', 2024, 3],
      ['b', 2024, 1],
      ['a', 2025, 1],
    ]);
  });
});
