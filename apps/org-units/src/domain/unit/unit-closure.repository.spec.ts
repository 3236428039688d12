import { closureChangedFrom, parentSpans } from './unit-closure.repository';

describe('parentSpans', () => {
  const v = (validFrom: string, validTo: string | null, parentId: string | null) => ({ validFrom, validTo, parentId });

  it('merges adjacent versions under the same parent, so a rename does not change the spans', () => {
    expect(parentSpans([v('2024-01-01', '2025-01-01', 'a'), v('2025-01-01', null, 'a')])).toEqual(['2024-01-01||a']);
  });

  it('keeps a change of parent, a gap and a closed end apart, whatever the order given', () => {
    expect(parentSpans([v('2025-03-01', '2025-08-01', 'b'), v('2024-01-01', '2025-03-01', 'a'), v('2025-09-01', null, 'b')])).toEqual([
      '2024-01-01|2025-03-01|a',
      '2025-03-01|2025-08-01|b',
      '2025-09-01||b',
    ]);
    expect(parentSpans([v('2024-01-01', '2025-01-01', null)])).not.toEqual(parentSpans([v('2024-01-01', null, null)]));
  });
});

describe('closureChangedFrom', () => {
  const v = (validFrom: string, validTo: string | null, parentId: string | null, code = 'C') => ({ validFrom, validTo, parentId, code });

  it('is the plan date when a timeline is cut there and carried on under another parent, not the cut version\'s start', () => {
    expect(closureChangedFrom([v('2024-01-01', null, 'a')], [v('2024-01-01', '2025-07-01', 'a'), v('2025-07-01', null, 'b')])).toBe('2025-07-01');
  });

  it('finds a dissolution, a new code and a back-dated correction at the day they reach back to', () => {
    expect(closureChangedFrom([v('2024-01-01', null, 'a')], [v('2024-01-01', '2025-07-01', 'a')])).toBe('2025-07-01');
    expect(closureChangedFrom([v('2024-01-01', null, 'a')], [v('2024-01-01', '2025-03-01', 'a'), v('2025-03-01', null, 'a', 'D')])).toBe('2025-03-01');
    expect(
      closureChangedFrom([v('2024-01-01', '2025-06-01', 'a'), v('2025-06-01', null, 'b')], [v('2024-01-01', '2025-02-01', 'a'), v('2025-02-01', null, 'b')]),
    ).toBe('2025-02-01');
    expect(closureChangedFrom([v('2024-03-01', null, 'a')], [v('2024-01-01', null, 'a')])).toBe('2024-01-01');
  });

  it('is null when only names or attributes changed (versions split where the parent and code stay)', () => {
    expect(closureChangedFrom([v('2024-01-01', null, 'a')], [v('2024-01-01', '2025-01-01', 'a'), v('2025-01-01', null, 'a')])).toBeNull();
  });
});
