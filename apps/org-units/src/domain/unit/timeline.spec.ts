import { applyFrom, closeAt, coalesce, versionAt } from './timeline';
import { EMPTY_ATTRIBUTES, type UnitVersion } from './unit.types';

const v = (validFrom: string, validTo: string | null, name: string, parentId: string | null = 'p1'): UnitVersion => ({
  code: 'C',
  validFrom,
  validTo,
  name,
  parentId,
  managingUnitId: null,
  attributes: EMPTY_ATTRIBUTES,
});

describe('timeline', () => {
  const timeline = [v('2020-01-01', '2024-01-01', 'A'), v('2024-01-01', null, 'B')];

  it('finds the version holding on a date (from inclusive, to exclusive)', () => {
    expect(versionAt(timeline, '2023-12-31')?.name).toBe('A');
    expect(versionAt(timeline, '2024-01-01')?.name).toBe('B');
    expect(versionAt(timeline, '2019-12-31')).toBeUndefined();
  });

  it('cuts the current version for an ordinary change', () => {
    expect(applyFrom(timeline, '2025-07-01', (s) => ({ ...s, name: 'C' }))).toEqual([
      v('2020-01-01', '2024-01-01', 'A'),
      v('2024-01-01', '2025-07-01', 'B'),
      v('2025-07-01', null, 'C'),
    ]);
  });

  it('replaces the current version when the change starts the same day', () => {
    expect(applyFrom(timeline, '2024-01-01', (s) => ({ ...s, parentId: 'p2' }))).toEqual([
      v('2020-01-01', '2024-01-01', 'A'),
      v('2024-01-01', null, 'B', 'p2'),
    ]);
  });

  it('rewrites every later period for a correction and joins periods that became equal', () => {
    expect(applyFrom(timeline, '2022-01-01', (s) => ({ ...s, name: 'B' }))).toEqual([
      v('2020-01-01', '2022-01-01', 'A'),
      v('2022-01-01', null, 'B'),
    ]);
  });

  it('closes a timeline on a date, dropping later periods', () => {
    expect(closeAt(timeline, '2023-06-01')).toEqual([v('2020-01-01', '2023-06-01', 'A')]);
    expect(closeAt(timeline, '2025-01-01')).toEqual([v('2020-01-01', '2024-01-01', 'A'), v('2024-01-01', '2025-01-01', 'B')]);
  });

  it('coalesces neighbours with the same state only', () => {
    expect(coalesce([v('2020-01-01', '2021-01-01', 'A'), v('2021-01-01', null, 'A')])).toEqual([v('2020-01-01', null, 'A')]);
    expect(coalesce(timeline)).toEqual(timeline);
  });
});
