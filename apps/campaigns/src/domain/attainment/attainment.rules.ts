import { type UnitKind } from '@antt/contracts';
import { type TargetComparator, type TargetIndicator, type TargetSpec } from '../campaign';
import { FACT } from './attainment.sql';
import { type CountedUnit, type Figures, type KindCounts, type LevelUnitCounts, type ShortfallReason, type SubtreeFacts } from './attainment.types';

/** The kinds targets are consolidated and judged at: levels are data (no district after 1 July 2025). */
export const LEVEL_KINDS: readonly UnitKind[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

/**
 * What each indicator counts (documented in the ADR 0013 and the schema):
 * - REGISTRATION_RATE (R16): registered / units of the target's kinds.
 * - SAFE_STANDARD_RATE (R17): recognised / units in Circular 124 scope (R1): a unit outside the standard cannot be
 *   recognised, so it is not counted; a unit in scope that did not register counts as not recognised.
 * - EXCELLENT_RATE, GOOD_RATE (R15): classified EXCELLENT (GOOD or better) / units of the target's kinds: a target, not a cap.
 * - NEW_RURAL_SECURITY_RATE (R18, R10): communes recognised safe / communes (derived, never entered).
 */
export function figuresOf(indicator: TargetIndicator, counts: KindCounts): { numerator: number; denominator: number } {
  switch (indicator) {
    case 'REGISTRATION_RATE':
      return { numerator: counts.registered, denominator: counts.units };
    case 'SAFE_STANDARD_RATE':
    case 'NEW_RURAL_SECURITY_RATE':
      return { numerator: counts.recognised, denominator: counts.eligible };
    case 'EXCELLENT_RATE':
      return { numerator: counts.excellent, denominator: counts.units };
    case 'GOOD_RATE':
      return { numerator: counts.goodOrBetter, denominator: counts.units };
  }
}

/** Vietnamese: what the numerator and the denominator count. */
export const BASIS_LABELS: Record<TargetIndicator, string> = {
  REGISTRATION_RATE: 'Số đơn vị đã đăng ký phấn đấu / tổng số đơn vị',
  SAFE_STANDARD_RATE: 'Số đơn vị được công nhận đạt tiêu chuẩn "An toàn về ANTT" / số đơn vị thuộc phạm vi áp dụng Thông tư 124',
  EXCELLENT_RATE: 'Số đơn vị xếp loại Xuất sắc / tổng số đơn vị',
  GOOD_RATE: 'Số đơn vị xếp loại Khá trở lên / tổng số đơn vị',
  NEW_RURAL_SECURITY_RATE: 'Số xã được công nhận đạt tiêu chuẩn "An toàn về ANTT" (tiêu chí an ninh nông thôn mới) / tổng số xã',
};

/** Percent to 2 decimals, and met judged on the exact ratio (80.004% is more than 80%). Nothing counted: null, null. */
export function judge(numerator: number, denominator: number, comparator: TargetComparator, threshold: number): Figures {
  if (denominator === 0) return { numerator, denominator, percent: null, met: null };
  const exact = (numerator * 100) / denominator;
  const met = comparator === 'GT' ? exact > threshold : exact >= threshold;
  return { numerator, denominator, percent: Math.round(exact * 100) / 100, met };
}

/** Sums the counts of `kinds` and judges them against the target. */
export function judgeKinds(target: Pick<TargetSpec, 'indicator' | 'comparator' | 'threshold'>, byKind: ReadonlyMap<UnitKind, KindCounts>, kinds: readonly UnitKind[]): Figures {
  let numerator = 0;
  let denominator = 0;
  for (const kind of kinds) {
    const counts = byKind.get(kind);
    if (!counts) continue;
    const figures = figuresOf(target.indicator, counts);
    numerator += figures.numerator;
    denominator += figures.denominator;
  }
  return judge(numerator, denominator, target.comparator, target.threshold);
}

/** The evaluation year a campaign's recognitions and classifications are read for: the year its period starts in. */
export function evaluationYear(periodStart: string): number {
  return Number(periodStart.slice(0, 4));
}

/** Adds one unit's facts to the counts of its kind. */
export function count(counts: KindCounts, unit: Pick<CountedUnit, 'flags' | 'classification'>): void {
  counts.units += 1;
  if (unit.flags & FACT.registered) counts.registered += 1;
  if (unit.flags & FACT.eligible) {
    counts.eligible += 1;
    if (unit.flags & FACT.recognised) counts.recognised += 1;
  }
  if (unit.classification === 'EXCELLENT') counts.excellent += 1;
  if (unit.classification === 'EXCELLENT' || unit.classification === 'GOOD') counts.goodOrBetter += 1;
}

/** Every level unit with the counts, per kind, of the units below it. */
export function levelCounts(facts: SubtreeFacts): LevelUnitCounts[] {
  const levels: LevelUnitCounts[] = facts.levels.map((level) => ({ ...level, byKind: new Map() }));
  for (const unit of facts.units) {
    for (const index of unit.above) {
      const byKind = levels[index]?.byKind;
      if (!byKind) continue;
      let counts = byKind.get(unit.kind);
      if (!counts) byKind.set(unit.kind, (counts = { kind: unit.kind, units: 0, registered: 0, eligible: 0, recognised: 0, excellent: 0, goodOrBetter: 0 }));
      count(counts, unit);
    }
  }
  return levels;
}

/** Why a unit in a target's denominator is missing from its numerator, or null when it is in the numerator or not counted. */
export function shortfallReason(indicator: TargetIndicator, unit: Pick<CountedUnit, 'flags' | 'classification'>): ShortfallReason | null {
  switch (indicator) {
    case 'REGISTRATION_RATE':
      return unit.flags & FACT.registered ? null : 'NOT_REGISTERED';
    case 'SAFE_STANDARD_RATE':
    case 'NEW_RURAL_SECURITY_RATE':
      if (!(unit.flags & FACT.eligible) || unit.flags & FACT.recognised) return null;
      return unit.flags & FACT.revoked ? 'REVOKED' : unit.flags & FACT.refused ? 'NOT_RECOGNISED' : 'NO_RECOGNITION_YET';
    case 'EXCELLENT_RATE':
    case 'GOOD_RATE': {
      const hit = unit.classification === 'EXCELLENT' || (indicator === 'GOOD_RATE' && unit.classification === 'GOOD');
      return hit ? null : unit.classification === null ? 'NOT_CLASSIFIED_YET' : 'CLASSIFIED_BELOW';
    }
  }
}

/**
 * A subtree's facts cut to the units a split scope keeps (ADR 0010 addendum: a PARTIAL part holds only what came from the
 * split unit): the units outside `keep` are dropped, as are the level units outside it other than the unit read at, whose
 * indexes are renumbered.
 */
export function cutToScope(facts: SubtreeFacts, keep: ReadonlySet<string>): SubtreeFacts {
  const renumbered = new Map<number, number>();
  const levels = facts.levels.filter((level, index) => {
    if (index !== 0 && !keep.has(level.unitId)) return false;
    renumbered.set(index, renumbered.size);
    return true;
  });
  const units = facts.units
    .filter((unit) => keep.has(unit.unitId))
    .map((unit) => ({ ...unit, above: unit.above.flatMap((index) => (renumbered.has(index) ? [renumbered.get(index) as number] : [])) }));
  return { levels, units };
}

/**
 * The facts of a scope split into parts, read as one: `root` (the stored scope unit, depth 0) above each part's levels (one
 * deeper than in the part), every unit counted once, under the root and its part's levels.
 */
export function mergeParts(root: SubtreeFacts['levels'][number], parts: readonly SubtreeFacts[]): SubtreeFacts {
  const levels = [{ ...root, depth: 0 }];
  const units: CountedUnit[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const offset = levels.length;
    levels.push(...part.levels.map((level) => ({ ...level, depth: level.depth + 1 })));
    for (const unit of part.units) {
      if (seen.has(unit.unitId)) continue;
      seen.add(unit.unitId);
      units.push({ ...unit, above: [0, ...unit.above.map((index) => index + offset)] });
    }
  }
  return { levels, units };
}
