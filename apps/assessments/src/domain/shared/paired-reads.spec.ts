import { pairedReads } from './paired-reads';

function counted() {
  const calls = { first: 0, second: 0, both: 0 };
  const reads = pairedReads({
    first: async () => {
      calls.first += 1;
      return 'rows';
    },
    second: async () => {
      calls.second += 1;
      return 7;
    },
    both: async (): Promise<[string, number]> => {
      calls.both += 1;
      return ['rows (both)', 70];
    },
  });
  return { calls, reads };
}

describe('pairedReads', () => {
  it('nothing runs until a read is asked for', async () => {
    const { calls } = counted();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual({ first: 0, second: 0, both: 0 });
  });

  it('both asked in the same turn share one query, whatever the order, and repeated calls share its promise', async () => {
    const { calls, reads } = counted();
    const total = reads.second();
    const rows = reads.first();
    expect(reads.first()).toBe(rows);
    expect(await Promise.all([rows, total, reads.second()])).toEqual(['rows (both)', 70, 70]);
    expect(calls).toEqual({ first: 0, second: 0, both: 1 });
  });

  it('one asked alone runs alone; the other asked in a later turn runs on its own, once', async () => {
    const { calls, reads } = counted();
    expect(await reads.first()).toBe('rows');
    expect(await reads.first()).toBe('rows');
    expect(calls).toEqual({ first: 1, second: 0, both: 0 });
    expect(await Promise.all([reads.second(), reads.second()])).toEqual([7, 7]);
    expect(calls).toEqual({ first: 1, second: 1, both: 0 });
  });

  it('a failing shared query fails both reads', async () => {
    const reads = pairedReads({
      first: async () => 'rows',
      second: async () => 1,
      both: async (): Promise<[string, number]> => {
        throw new Error('down');
      },
    });
    const rows = reads.first();
    const total = reads.second();
    await expect(rows).rejects.toThrow('down');
    await expect(total).rejects.toThrow('down');
  });
});
