import { type ImportRow } from './import-row';
import { nationalTree } from './national';
import { findTreeProblems } from './tree-invariants';

function count(rows: readonly ImportRow[], kind: ImportRow['kind']): number {
  return rows.filter((row) => row.kind === kind).length;
}

describe('nationalTree', () => {
  it('builds a national-size tree in well under a second', () => {
    const started = performance.now();
    const rows = nationalTree({});
    const elapsed = performance.now() - started;
    expect(count(rows, 'PROVINCE')).toBe(63);
    expect(count(rows, 'COMMUNE')).toBe(10_000);
    expect(count(rows, 'RESIDENTIAL_AREA')).toBe(100_000);
    expect(count(rows, 'DISTRICT')).toBeGreaterThanOrEqual(600);
    expect(count(rows, 'DISTRICT')).toBeLessThanOrEqual(800);
    expect(rows.length).toBeGreaterThan(110_000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('is a sound import file', () => {
    expect(findTreeProblems(nationalTree({}))).toEqual([]);
  });

  it('honours the requested sizes exactly', () => {
    const rows = nationalTree({ provinces: 2, communes: 31, residentialAreas: 95 });
    expect(count(rows, 'PROVINCE')).toBe(2);
    expect(count(rows, 'COMMUNE')).toBe(31);
    expect(count(rows, 'RESIDENTIAL_AREA')).toBe(95);
    expect(findTreeProblems(rows)).toEqual([]);
  });

  it('gives plausible Vietnamese names, distinct among siblings', () => {
    const rows = nationalTree({});
    expect(rows.filter((row) => row.kind === 'PROVINCE').map((row) => row.name)).toEqual(
      expect.arrayContaining(['Thành phố Hà Nội', 'Tỉnh Thái Bình', 'Thành phố Hồ Chí Minh', 'Tỉnh Cà Mau']),
    );
    const patterns: Partial<Record<ImportRow['kind'], RegExp>> = {
      DISTRICT: /^(Huyện|Thành phố) \S+ \S+$/,
      COMMUNE: /^(Xã|Phường|Thị trấn) \S+ \S+$/,
      RESIDENTIAL_AREA: /^(Thôn \S+ \S+|Tổ dân phố \d+)$/,
    };
    const implausible = rows.filter((row) => !(patterns[row.kind]?.test(row.name) ?? true));
    expect(implausible).toEqual([]);
    const siblings = new Map<string, Set<string>>();
    const repeated: string[] = [];
    for (const row of rows) {
      if (!row.parentCode) continue;
      const names = siblings.get(row.parentCode) ?? new Set<string>();
      if (names.has(row.name)) repeated.push(row.code);
      names.add(row.name);
      siblings.set(row.parentCode, names);
    }
    expect(repeated).toEqual([]);
    const households = rows.flatMap((row) => (row.residentHouseholds === null ? [] : [row.residentHouseholds]));
    expect(households).toHaveLength(100_000);
    expect(households.filter((count) => count < 80 || count > 600)).toEqual([]);
  });

  it('is deterministic for given options', () => {
    const options = { provinces: 3, communes: 60, residentialAreas: 500 };
    expect(nationalTree(options)).toEqual(nationalTree(options));
  });

  it('refuses sizes it cannot build', () => {
    expect(() => nationalTree({ provinces: 0 })).toThrow('provinces must be an integer of at least 1');
    expect(() => nationalTree({ communes: 1.5 })).toThrow('communes must be an integer');
    expect(() => nationalTree({ communes: 0, residentialAreas: 5 })).toThrow('residential areas need at least one commune');
  });
});
