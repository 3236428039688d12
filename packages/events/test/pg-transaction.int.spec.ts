import { createTestDatabase, type TestDatabase } from '@antt/testing';
import { Pool } from 'pg';
import { type PgStatements, pgTransaction } from '../src';

describe('pgTransaction (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: Pool;
  const options = { statementTimeoutMs: 10_000, idleTimeoutMs: 10_000 };

  beforeAll(async () => {
    database = await createTestDatabase('pgtx_');
    pool = new Pool({ connectionString: database.url, max: 2 });
    await pool.query('CREATE TABLE probe (n int NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });
  beforeEach(() => pool.query('TRUNCATE probe'));

  const probe = async () => (await pool.query<{ n: number }>('SELECT n FROM probe ORDER BY n')).rows.map((row) => row.n);

  it('runs statements issued without waiting in the order they were issued, and commits them', async () => {
    await pgTransaction(pool, options, async (sql) => {
      const issued = [1, 2, 3].map((n) => sql.$executeRawUnsafe('INSERT INTO probe (n) SELECT $1::int + coalesce(max(n), 0) * 10 FROM probe', n));
      await Promise.all(issued);
    });
    expect(await probe()).toEqual([1, 12, 123]);
  });

  it('reports the first failure to every statement queued after it, and rolls back even when the work caught it', async () => {
    const outcome = pgTransaction(pool, options, async (sql) => {
      const settled = await Promise.allSettled([
        sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (1)'),
        sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (NULL)'),
        sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (3)'),
      ]);
      expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      const [, second, third] = settled as PromiseRejectedResult[];
      expect((second!.reason as { code: string }).code).toBe('23502');
      expect(third!.reason).toBe(second!.reason);
      return 'caught';
    });
    await expect(outcome).rejects.toMatchObject({ code: '23502' });
    expect(await probe()).toEqual([]);
  });

  it('rolls back when the work throws, and returns a usable connection to the pool', async () => {
    await expect(
      pgTransaction(pool, options, async (sql) => {
        await sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (1)');
        throw new Error('refused by the work');
      }),
    ).rejects.toThrow('refused by the work');
    expect(await probe()).toEqual([]);
    await pgTransaction(pool, options, (sql) => sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (2)'));
    expect(await probe()).toEqual([2]);
  });

  it('refuses a statement issued after its transaction ended rather than run it outside', async () => {
    let leaked: PgStatements | undefined;
    await pgTransaction(pool, options, async (sql) => {
      leaked = sql;
      await sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (1)');
    });
    await expect(leaked!.$executeRawUnsafe('INSERT INTO probe (n) VALUES (2)')).rejects.toThrow(/after its transaction ended/);
    expect(await probe()).toEqual([1]);
  });

  it('never sends a statement still queued when the work settled without waiting for it (it would run after COMMIT)', async () => {
    let queued: Promise<number> | undefined;
    await pgTransaction(pool, options, async (sql) => {
      void sql.$queryRawUnsafe('SELECT pg_sleep(0.2)');
      queued = sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES (1)');
      queued.catch(() => undefined);
    });
    await expect(queued).rejects.toThrow(/after its transaction ended/);
    expect(await probe()).toEqual([]);
  });

  it('queues statements itself: pg is never asked to queue a query on a busy client (deprecated, gone in pg 9)', async () => {
    const watched = new Pool({ connectionString: database.url, max: 1 });
    let inFlight = 0;
    let most = 0;
    watched.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
        most = Math.max(most, ++inFlight);
        return query(...args).finally(() => (inFlight -= 1));
      };
    });
    try {
      await pgTransaction(watched, options, (sql) => Promise.all([1, 2, 3].map((n) => sql.$executeRawUnsafe('INSERT INTO probe (n) VALUES ($1)', n))));
    } finally {
      await watched.end();
    }
    expect(most).toBe(1);
    expect(await probe()).toEqual([1, 2, 3]);
  });

  it('bounds each statement by statementTimeoutMs', async () => {
    await expect(pgTransaction(pool, { statementTimeoutMs: 200 }, (sql) => sql.$queryRawUnsafe('SELECT pg_sleep(2)'))).rejects.toMatchObject({ code: '57014' });
  });
});
