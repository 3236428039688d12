import pg from 'pg';
import { describeTopics } from '@antt/events';
import { createTestDatabase, createTestTopics, getTestInfra, uniqueName } from './index';

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('test kit against real services', () => {
  it('resolves the same infrastructure once per worker', async () => {
    const first = await getTestInfra();
    const second = await getTestInfra();
    expect(second).toBe(first);
    expect(['local', 'testcontainers']).toContain(first.mode);
    expect(first.kafkaBrokers.length).toBeGreaterThan(0);
  });

  it('creates a usable database with a unique name and drops it', async () => {
    const { postgresAdminUrl } = await getTestInfra();
    const db = await createTestDatabase('h1_kit_');
    expect(db.name).toMatch(/^h1_kit_[0-9a-z]+$/);

    const client = new pg.Client({ connectionString: db.url });
    const sessionErrors: Error[] = [];
    client.on('error', (error) => sessionErrors.push(error));
    await client.connect();
    try {
      const current = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(current.rows[0]?.db).toBe(db.name);
      await client.query('CREATE TABLE probe (id int PRIMARY KEY)');
      await client.query('INSERT INTO probe VALUES (1), (2)');
      const count = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM probe');
      expect(count.rows[0]?.n).toBe(2);
    } finally {
      // The session stays open on purpose: drop() must end it.
      await db.drop();
      await client.end().catch(() => undefined);
    }
    await expect(databaseExists(postgresAdminUrl, db.name)).resolves.toBe(false);
    expect(sessionErrors.map((error) => error.message).join()).toMatch(/terminat/);
  });

  it('creates topics with the given settings and deletes them', async () => {
    const { kafkaBrokers } = await getTestInfra();
    const name = uniqueName('h1-kit-');
    const topics = await createTestTopics([{ name, partitions: 2, retentionMs: 3_600_000 }]);
    try {
      await expect(describeTopics(kafkaBrokers, [name])).resolves.toEqual([
        { name, partitions: 2, retentionMs: 3_600_000, cleanupPolicy: 'delete' },
      ]);
    } finally {
      await topics.drop();
    }
    await expect(describeTopics(kafkaBrokers, [name])).rejects.toThrow();
  });
});
