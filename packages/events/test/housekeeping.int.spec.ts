import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@antt/testing';
import { Pool } from 'pg';
import { EVENTS_TABLES_DDL, EventsHousekeeper, housekeepingLockKey } from '../src';

const HOUR_MS = 60 * 60 * 1000;

describe('events housekeeping (real PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('hk_');
    pool = new Pool({ connectionString: database.url, max: 3 });
    await pool.query(EVENTS_TABLES_DDL);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  beforeEach(async () => {
    await pool.query('TRUNCATE outbox_event, inbox_entry');
  });

  /** `count` outbox rows created `ageHours` ago, published then too (or never when `published` is false). */
  async function outboxRows(count: number, ageHours: number, published: boolean): Promise<void> {
    await pool.query(
      `INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, envelope, created_at, published_at)
       SELECT gen_random_uuid(), 'item', gen_random_uuid()::text, 'demo.item.changed.v1', 'demo.item', '{}'::jsonb,
              now() - make_interval(hours => $2), CASE WHEN $3 THEN now() - make_interval(hours => $2) END
       FROM generate_series(1, $1)`,
      [count, ageHours, published],
    );
  }

  async function inboxRows(count: number, ageHours: number): Promise<void> {
    await pool.query(
      `INSERT INTO inbox_entry (consumer, event_id, processed_at)
       SELECT 'demo-group', gen_random_uuid(), now() - make_interval(hours => $2) FROM generate_series(1, $1)`,
      [count, ageHours],
    );
  }

  async function count(sql: string): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(sql);
    return Number(rows[0]?.n);
  }

  function housekeeper(overrides: Partial<ConstructorParameters<typeof EventsHousekeeper>[0]> = {}): EventsHousekeeper {
    return new EventsHousekeeper({
      databaseUrl: database.url,
      service: `hk-${randomUUID()}`,
      outboxRetentionMs: 24 * HOUR_MS,
      inboxRetentionMs: 72 * HOUR_MS,
      batchSize: 100,
      pauseBetweenBatchesMs: 0,
      ...overrides,
    });
  }

  it('purges published outbox rows and inbox entries past their retention, in batches, and nothing else', async () => {
    await outboxRows(250, 48, true); // published two days ago: past the 24 h retention
    await outboxRows(30, 2, true); // published recently: kept
    await outboxRows(7, 500, false); // never published, however old: kept for the relay
    await inboxRows(230, 100); // past the 72 h retention
    await inboxRows(40, 10); // kept: a redelivery may still come

    const keeper = housekeeper();
    try {
      const run = await keeper.runOnce();
      expect(run).toEqual({ outboxPurged: 250, inboxPurged: 230, skipped: false });
      expect(await count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NOT NULL')).toBe(30);
      expect(await count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')).toBe(7);
      expect(await count('SELECT count(*) AS n FROM inbox_entry')).toBe(40);
      expect(keeper.metrics()).toMatchObject({ runs: 1, failedRuns: 0, outboxPurged: 250, inboxPurged: 230, outboxBacklog: 7 });
      expect(keeper.metrics().oldestUnpublishedAgeMs).toBeGreaterThan(499 * HOUR_MS);

      expect(await keeper.runOnce()).toEqual({ outboxPurged: 0, inboxPurged: 0, skipped: false });
    } finally {
      await keeper.stop();
    }
  });

  it('stops at the run bound; the next run goes on where it stopped', async () => {
    await outboxRows(350, 48, true);
    const keeper = housekeeper({ maxBatchesPerRun: 2 });
    try {
      expect((await keeper.runOnce()).outboxPurged).toBe(200);
      expect((await keeper.runOnce()).outboxPurged).toBe(150);
      expect(await count('SELECT count(*) AS n FROM outbox_event')).toBe(0);
    } finally {
      await keeper.stop();
    }
  });

  it('skips the run while another replica holds the service lock, and never waits on it', async () => {
    await outboxRows(20, 48, true);
    const service = `hk-${randomUUID()}`;
    const holder = await pool.connect();
    const keeper = housekeeper({ service });
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [housekeepingLockKey(service)]);
      expect(await keeper.runOnce()).toEqual({ outboxPurged: 0, inboxPurged: 0, skipped: true });
      await holder.query('COMMIT');
      expect(await keeper.runOnce()).toEqual({ outboxPurged: 20, inboxPurged: 0, skipped: false });
    } finally {
      holder.release();
      await keeper.stop();
    }
  });

  it('reports the tables sizes', async () => {
    await outboxRows(50, 1, true);
    await inboxRows(60, 1);
    await pool.query('ANALYZE outbox_event, inbox_entry');
    const keeper = housekeeper();
    try {
      const sizes = await keeper.tableSizes();
      expect(sizes.map((size) => [size.table, size.estimatedRows])).toEqual([
        ['inbox_entry', 60],
        ['outbox_event', 50],
      ]);
      for (const size of sizes) expect(size.totalBytes).toBeGreaterThan(8192);
    } finally {
      await keeper.stop();
    }
  });
});
