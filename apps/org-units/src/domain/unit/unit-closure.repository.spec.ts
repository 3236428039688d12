import { parentSpans } from './unit-closure.repository';

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
