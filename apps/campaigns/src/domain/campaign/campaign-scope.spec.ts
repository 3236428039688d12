import { type LineageLink } from '@antt/unit-directory';
import { type ScopeLineage, dayBefore, followScope, soleScopeUnit } from './campaign-scope';

/** A lineage given as data: the units alive on the date asked for, and each ceased unit's ending hops. */
function lineage(alive: readonly string[], ending: Record<string, ReadonlyArray<Partial<LineageLink> & { toUnitId: string }>>): ScopeLineage {
  return {
    alive: (unitId) => alive.includes(unitId),
    endingHops: (unitId) =>
      (ending[unitId] ?? []).map((hop, index) => ({ effectiveDate: '2025-07-01', share: 'PARTIAL', event: 'SPLIT', ordinal: index, ...hop }) as LineageLink),
  };
}

describe('followScope (a campaign scope through lineage)', () => {
  it('is the scope unit itself while it exists', () => {
    expect(followScope('D', lineage(['D'], { D: [{ toUnitId: 'X', share: 'WHOLE', event: 'MERGE' }] }))).toEqual([
      { unitId: 'D', share: 'WHOLE', route: ['D'], since: null, from: null },
    ]);
  });

  it('follows a WHOLE merge over generations, keeping the whole successor', () => {
    const parts = followScope(
      'TB',
      lineage(['HY2'], {
        TB: [{ toUnitId: 'HY', share: 'WHOLE', event: 'MERGE' }],
        HY: [{ toUnitId: 'HY2', share: 'WHOLE', event: 'RECLASSIFY', effectiveDate: '2026-01-01' }],
      }),
    );
    expect(parts).toEqual([{ unitId: 'HY2', share: 'WHOLE', route: ['TB', 'HY', 'HY2'], since: '2026-01-01', from: null }]);
    expect(soleScopeUnit(parts)).toBe('HY2');
  });

  it('follows a split to every part, in the event order, each PARTIAL and cut to what came from the split unit', () => {
    const parts = followScope('D', lineage(['D1', 'D2'], { D: [{ toUnitId: 'D2', ordinal: 1 }, { toUnitId: 'D1', ordinal: 0 }] }));
    expect(parts).toEqual([
      { unitId: 'D1', share: 'PARTIAL', route: ['D', 'D1'], since: '2025-07-01', from: { unitId: 'D', before: '2025-06-30' } },
      { unitId: 'D2', share: 'PARTIAL', route: ['D', 'D2'], since: '2025-07-01', from: { unitId: 'D', before: '2025-06-30' } },
    ]);
    expect(soleScopeUnit(parts)).toBeNull();
  });

  it('prefers the WHOLE hop of the day a unit ceased over the parts it handed over that day', () => {
    const parts = followScope('D', lineage(['A', 'B'], { D: [{ toUnitId: 'A', event: 'TRANSFER' }, { toUnitId: 'B', share: 'WHOLE', event: 'MERGE' }] }));
    expect(parts).toEqual([{ unitId: 'B', share: 'WHOLE', route: ['D', 'B'], since: '2025-07-01', from: null }]);
  });

  it('a part merged WHOLE later stays PARTIAL and keeps the first split as its cut', () => {
    const parts = followScope(
      'D',
      lineage(['D1', 'M'], {
        D: [{ toUnitId: 'D1' }, { toUnitId: 'D2', ordinal: 1 }],
        D2: [{ toUnitId: 'M', share: 'WHOLE', event: 'MERGE', effectiveDate: '2026-01-01' }],
      }),
    );
    expect(parts.map((part) => [part.unitId, part.share, part.route, part.from])).toEqual([
      ['D1', 'PARTIAL', ['D', 'D1'], { unitId: 'D', before: '2025-06-30' }],
      ['M', 'PARTIAL', ['D', 'D2', 'M'], { unitId: 'D', before: '2025-06-30' }],
    ]);
  });

  it('a split after a merge is cut to the merged successor as it stood before the split', () => {
    const parts = followScope(
      'TB',
      lineage(['P1', 'P2'], {
        TB: [{ toUnitId: 'HY', share: 'WHOLE', event: 'MERGE', effectiveDate: '2025-07-01' }],
        HY: [{ toUnitId: 'P1', effectiveDate: '2026-03-01' }, { toUnitId: 'P2', ordinal: 1, effectiveDate: '2026-03-01' }],
      }),
    );
    expect(parts.map((part) => [part.unitId, part.share, part.from])).toEqual([
      ['P1', 'PARTIAL', { unitId: 'HY', before: '2026-02-28' }],
      ['P2', 'PARTIAL', { unitId: 'HY', before: '2026-02-28' }],
    ]);
  });

  it('two routes to one unit keep the first (parts of one split merged together later)', () => {
    const parts = followScope(
      'D',
      lineage(['X'], {
        D: [{ toUnitId: 'A' }, { toUnitId: 'B', ordinal: 1 }],
        A: [{ toUnitId: 'X', share: 'WHOLE', event: 'MERGE', effectiveDate: '2026-01-01' }],
        B: [{ toUnitId: 'X', share: 'WHOLE', event: 'MERGE', effectiveDate: '2026-01-01' }],
      }),
    );
    expect(parts.map((part) => [part.unitId, part.route])).toEqual([['X', ['D', 'A', 'X']]]);
  });

  it('leads nowhere when the scope was dissolved without successor, or the lineage loops', () => {
    expect(followScope('D', lineage([], {}))).toEqual([]);
    expect(followScope('D', lineage([], { D: [{ toUnitId: 'E', share: 'WHOLE' }], E: [{ toUnitId: 'D', share: 'WHOLE' }] }))).toEqual([]);
    expect(soleScopeUnit([])).toBeNull();
  });

  it('dayBefore crosses months and leap days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});
