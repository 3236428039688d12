import { nationalReform, type ReformTreeRow } from '../../../scripts/national-reform';
import { DEFAULT_DATE_RANGE } from '../../config';
import { UnitInput } from '../unit/unit-input';
import { runPlan } from './plan-engine';
import { snapshotUnit } from './plan-fixtures';
import { canonicalOperations } from './plan-input';
import { mappingToOperations } from './plan-mapping';

/** `provinces` provinces of 2 districts of 4 communes of 3 residential areas, codes as the national tree's. */
function smallNation(provinces: number): ReformTreeRow[] {
  const rows: ReformTreeRow[] = [];
  for (let p = 1; p <= provinces; p += 1) {
    const province = `P${String(p).padStart(2, '0')}`;
    rows.push({ code: province, kind: 'PROVINCE', name: `Tỉnh ${p}`, parentCode: null });
    for (let d = 1; d <= 2; d += 1) {
      const district = `${province}-D0${d}`;
      rows.push({ code: district, kind: 'DISTRICT', name: `Huyện ${p}.${d}`, parentCode: province });
      for (let c = 1; c <= 4; c += 1) {
        const commune = `${district}-C0${c}`;
        rows.push({ code: commune, kind: 'COMMUNE', name: `Xã ${p}.${d}.${c}`, parentCode: district });
        for (let a = 1; a <= 3; a += 1) rows.push({ code: `${commune}-R0${a}`, kind: 'RESIDENTIAL_AREA', name: `Thôn ${a}`, parentCode: commune });
      }
    }
  }
  return rows;
}

describe('the synthetic national reform', () => {
  it('gives a valid plan: provinces merged pairwise, districts gone, communes 3:1 directly under the provinces, partial parts with their villages', () => {
    const tree = smallNation(6);
    const rows = nationalReform(tree, { provinces: 4, partialShare: 1 });
    expect(rows.some((row) => row.share === 'PARTIAL' && String(row.dependents).length > 0)).toBe(true);

    const { operations, errors } = mappingToOperations(
      rows,
      tree.map((row) => ({ code: row.code, kind: row.kind as 'PROVINCE', name: row.name, parentCode: row.parentCode ?? null })),
      { abolishKinds: ['DISTRICT'] },
    );
    expect(errors).toEqual([]);
    const units = tree.map((row) => snapshotUnit(row.code, row.kind as 'PROVINCE', row.parentCode ?? null, { name: row.name }));
    let next = 0;
    const result = runPlan(
      { date: '2025-07-01', units, codesHeldLater: new Set<string>() },
      canonicalOperations(new UnitInput(DEFAULT_DATE_RANGE), operations),
      () => `new-${(next += 1)}`,
      null,
    );
    expect(result.report.errors).toEqual([]);
    const after = Object.fromEntries(result.report.after.map((count) => [`${count.kind}<${count.parentKind ?? ''}`, count.count]));
    // 8 communes per old province, two provinces per new one for the first two: 16 → 6 groups; 8 → 3 for the others.
    expect(after).toEqual({ 'PROVINCE<': 4, 'COMMUNE<PROVINCE': 6 + 6 + 3 + 3, 'RESIDENTIAL_AREA<COMMUNE': 6 * 8 * 3 });
  });
});
