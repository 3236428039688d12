import { type SqlClient } from './sql';
import { UnitDirectory } from './unit-directory';

/** A client that answers every query with `rows` and records what it was asked. */
function fakeClient(rows: unknown[]): SqlClient & { queries: Array<{ sql: string; values: unknown[] }> } {
  const queries: Array<{ sql: string; values: unknown[] }> = [];
  return {
    queries,
    $executeRawUnsafe: async () => 0,
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => {
      queries.push({ sql, values });
      return rows as T;
    },
  };
}

const row = (ord: number, unitId: string, kind: string, depth: number) => ({
  ord,
  unit_id: unitId,
  code: unitId,
  kind,
  name: unitId,
  parent_id: null,
  managing_unit_id: null,
  attributes: null,
  depth,
});

describe('UnitDirectory batched reads', () => {
  it('reads the chains of several (unit, date) pairs in one statement and answers in the order of the keys', async () => {
    const db = fakeClient([row(1, 'village', 'RESIDENTIAL_AREA', 0), row(1, 'commune', 'COMMUNE', 1), row(1, 'province', 'PROVINCE', 2), row(3, 'village', 'RESIDENTIAL_AREA', 0)]);
    const chains = await new UnitDirectory(db).ancestorsOfEach([
      { unitId: 'village', asOf: '2024-10-31' },
      { unitId: 'gone', asOf: '2024-10-31' },
      { unitId: 'village', asOf: new Date('2025-07-01T00:00:00Z') },
    ]);
    expect(db.queries).toHaveLength(1);
    expect(db.queries[0]?.values).toEqual([['village', 'gone', 'village'], ['2024-10-31', '2024-10-31', '2025-07-01']]);
    expect(chains.map((chain) => chain.map((entry) => [entry.unitId, entry.kind, entry.depth]))).toEqual([
      [['village', 'RESIDENTIAL_AREA', 0], ['commune', 'COMMUNE', 1], ['province', 'PROVINCE', 2]],
      [],
      [['village', 'RESIDENTIAL_AREA', 0]],
    ]);
  });

  it('reads the kinds of several units in one statement, once per distinct unit', async () => {
    const db = fakeClient([{ unit_id: 'a', kind: 'COMMUNE' }]);
    expect(await new UnitDirectory(db).kindsOf(['a', 'b', 'a'])).toEqual(new Map([['a', 'COMMUNE']]));
    expect(db.queries).toHaveLength(1);
    expect(db.queries[0]?.values).toEqual([['a', 'b']]);
  });

  it('asks nothing for no keys', async () => {
    const db = fakeClient([]);
    const directory = new UnitDirectory(db);
    expect(await directory.ancestorsOfEach([])).toEqual([]);
    expect(await directory.kindsOf([])).toEqual(new Map());
    expect(db.queries).toHaveLength(0);
  });
});
