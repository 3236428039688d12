import { UnitCreatedV1 } from '@antt/contracts';
import { type SqlExecutor } from '../sql';
import { appendClaimed } from './append-claimed';

describe('appendClaimed', () => {
  it('appends the events of the items the claim won only, one transaction per batch', async () => {
    const statements: string[] = [];
    const tx: SqlExecutor = {
      $executeRawUnsafe: async (sql: string) => {
        statements.push(sql);
        return 1;
      },
      $queryRawUnsafe: async <T>() => [] as T,
    };
    let transactions = 0;
    const alreadySent = new Set(['b']);
    const items = ['a', 'b', 'c'];
    const sent = await appendClaimed(items, {
      transaction: async (fn) => {
        transactions += 1;
        return fn(tx);
      },
      claim: async (_tx, batch) => batch.filter((item) => !alreadySent.has(item)),
      key: (item) => item,
      event: () => ({ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }),
      source: 'org-units',
      batchSize: 2,
    });
    expect(sent).toEqual(['a', 'c']);
    expect(transactions).toBe(2);
    expect(statements.filter((sql) => sql.startsWith('INSERT INTO outbox_event'))).toHaveLength(2);
  });

  it('writes nothing to the outbox when every item was claimed before', async () => {
    const statements: string[] = [];
    const tx: SqlExecutor = { $executeRawUnsafe: async (sql: string) => (statements.push(sql), 1), $queryRawUnsafe: async <T>() => [] as T };
    const sent = await appendClaimed(['a'], {
      transaction: (fn) => fn(tx),
      claim: async () => [],
      key: (item) => item,
      event: () => ({ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }),
      source: 'org-units',
    });
    expect(sent).toEqual([]);
    expect(statements).toEqual([]);
  });
});
