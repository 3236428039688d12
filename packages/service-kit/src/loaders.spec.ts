import { createEntityLoader, inKeyOrder } from './loaders';

interface Row {
  id: string;
  name: string;
}

describe('inKeyOrder', () => {
  it('returns rows in key order with null for missing keys', () => {
    const rows: Row[] = [
      { id: 'c', name: 'C' },
      { id: 'a', name: 'A' },
    ];
    expect(inKeyOrder(['a', 'b', 'c'], rows, (row) => row.id)).toEqual([{ id: 'a', name: 'A' }, null, { id: 'c', name: 'C' }]);
  });
});

describe('createEntityLoader', () => {
  it('batches the loads of one tick into one fetch and answers each in order', async () => {
    const calls: (readonly string[])[] = [];
    const loader = createEntityLoader<Row>(
      async (ids) => {
        calls.push(ids);
        return ids.filter((id) => id !== 'ghost').reverse().map((id) => ({ id, name: id.toUpperCase() }));
      },
      (row) => row.id,
    );
    const results = await Promise.all(['x', 'ghost', 'y', 'x'].map((id) => loader.load(id)));
    expect(calls).toEqual([['x', 'ghost', 'y']]);
    expect(results).toEqual([{ id: 'x', name: 'X' }, null, { id: 'y', name: 'Y' }, { id: 'x', name: 'X' }]);
  });

  it('splits large batches', async () => {
    const sizes: number[] = [];
    const loader = createEntityLoader<Row>(
      async (ids) => {
        sizes.push(ids.length);
        return ids.map((id) => ({ id, name: id }));
      },
      (row) => row.id,
      { maxBatchSize: 2 },
    );
    await Promise.all(['1', '2', '3'].map((id) => loader.load(id)));
    expect(sizes).toEqual([2, 1]);
  });
});
