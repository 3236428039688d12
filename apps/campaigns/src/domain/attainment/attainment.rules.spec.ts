import { type UnitKind } from '@antt/contracts';
import { latestPerUnitYear } from './assessment-projection';
import { cutToScope, figuresOf, judge, judgeKinds, levelCounts, mergeParts } from './attainment.rules';
import { FACT } from './attainment.sql';
import { type KindCounts, type SubtreeFacts } from './attainment.types';

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

describe('a split scope (ADR 0010 addendum)', () => {
  const level = (unitId: string, kind: UnitKind, depth: number) => ({ unitId, code: unitId.toUpperCase(), name: unitId, kind, depth });
  const commune = (unitId: string, above: number[], registered: boolean) => ({ unitId, code: unitId, name: unitId, kind: 'COMMUNE' as UnitKind, flags: registered ? FACT.registered : 0, classification: null, above });
  // The existing district Quỳnh Phụ: its own commune qh and dx, which came over from the split district.
  const quynhPhu: SubtreeFacts = { levels: [level('qp', 'DISTRICT', 0), level('qh', 'COMMUNE', 1), level('dx', 'COMMUNE', 1)], units: [commune('qh', [0, 1], false), commune('dx', [0, 2], true)] };
  const bac: SubtreeFacts = { levels: [level('bac', 'DISTRICT', 0), level('dl', 'COMMUNE', 1)], units: [commune('dl', [0, 1], true)] };

  it('cuts a part to what came from the split unit, keeping the unit read at and renumbering the levels', () => {
    const cut = cutToScope(quynhPhu, new Set(['bac', 'dl', 'dx']));
    expect(cut.levels.map((l) => l.unitId)).toEqual(['qp', 'dx']);
    expect(cut.units).toEqual([commune('dx', [0, 1], true)]);
  });

  it('reads the parts as one under the stored scope unit, each unit counted once', () => {
    const merged = mergeParts(level('dh', 'DISTRICT', 0), [bac, cutToScope(quynhPhu, new Set(['bac', 'dl', 'dx'])), bac]);
    expect(merged.levels.map((l) => [l.unitId, l.depth])).toEqual([['dh', 0], ['bac', 1], ['dl', 2], ['qp', 1], ['dx', 2], ['bac', 1], ['dl', 2]]);
    expect(merged.units.map((u) => [u.unitId, u.above])).toEqual([['dl', [0, 1, 2]], ['dx', [0, 3, 4]]]);
    const root = levelCounts(merged)[0];
    expect(root?.byKind.get('COMMUNE')).toMatchObject({ units: 2, registered: 2 });
  });
});
