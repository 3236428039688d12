import { randomUUID } from 'node:crypto';
import { createTestDatabase, createTestTopics, getTestInfra, uniqueName } from '@antt/testing';
import { Pool } from 'pg';
import {
  appendToOutbox,
  type ConsumerOptions,
  createKafkaClient,
  EVENTS_TABLES_DDL,
  type EventHandler,
  type KafkaClient,
  OutboxRelay,
  type OutboxRelayOptions,
  silentLogger,
  startConsumer,
} from '../../src';
import { demoContracts } from './demo-contracts';
import { pgTransaction } from './pg-transaction';
import { projectItem, projectItems } from './projection';

const PROJECTION_DDL = `
CREATE TABLE projection (
  applied_order BIGSERIAL PRIMARY KEY,
  event_id UUID NOT NULL,
  item_id UUID NOT NULL,
  revision INT NOT NULL
)`;

/**
 * A scratch database with the events tables and a demo projection, its own topics, and a Kafka client: on the shared test
 * broker, or on `options.brokers` (a private broker of the test file, for tests that stop it).
 */
export async function createScratch(label: string, options: { partitions?: number; withDeadLetter?: boolean; brokers?: string[] } = {}) {
  const brokers = options.brokers ?? (await getTestInfra()).kafkaBrokers;
  const database = await createTestDatabase('h3_');
  const pool = new Pool({ connectionString: database.url, max: 6 });
  await pool.query(EVENTS_TABLES_DDL);
  await pool.query(PROJECTION_DDL);
  const topic = uniqueName(`h3-${label}`);
  const deadLetterTopic = `${topic}.dlq`;
  const topics = await createTestTopics(
    [{ name: topic, partitions: options.partitions ?? 3 }, ...(options.withDeadLetter ? [{ name: deadLetterTopic, partitions: 1 }] : [])],
    { brokers },
  );
  const kafka: KafkaClient = createKafkaClient({ brokers, clientId: `h3-${label}`, logLevel: 'nothing' });
  const contracts = demoContracts(topic);
  const transaction = pgTransaction(pool);
  const items = new Map<string, number>();

  /** Appends one `changed` event per call, each in its own transaction; revisions count up per item. */
  async function write(itemId: string): Promise<void> {
    const revision = (items.get(itemId) ?? 0) + 1;
    items.set(itemId, revision);
    await transaction((tx) =>
      appendToOutbox(
        tx,
        [{ contract: contracts.changed, aggregateId: itemId, data: { itemId, revision, note: `Thôn số ${revision}` } }],
        { source: `h3-${label}` },
      ),
    );
  }

  const project: EventHandler = projectItem;

  async function count(sql: string): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(sql);
    return Number(rows[0]?.n ?? 0);
  }

  /** Per item, whether the projection applied revisions 1..n in order, each once. */
  async function appliedInOrder(): Promise<boolean> {
    const { rows } = await pool.query<{ item_id: string; revision: number }>(
      'SELECT item_id, revision FROM projection ORDER BY applied_order',
    );
    const seen = new Map<string, number>();
    for (const row of rows) {
      if (row.revision !== (seen.get(row.item_id) ?? 0) + 1) return false;
      seen.set(row.item_id, row.revision);
    }
    return [...items].every(([item, revision]) => seen.get(item) === revision);
  }

  const service = `h3-${label}`;
  const groupId = uniqueName(`h3-${label}-group`);

  /** A relay on the scratch outbox with short timers; `overrides` win. */
  function relay(overrides: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    return new OutboxRelay({ databaseUrl: database.url, service, kafka, pollIntervalMs: 500, ...overrides });
  }

  /**
   * The scratch projection's consumer (short session timeouts for fast rebalances), in batch mode; `overrides` win
   * (`{ batchHandlers: undefined }` gives the record-by-record mode).
   */
  function consumer(overrides: Partial<ConsumerOptions> = {}) {
    return startConsumer({
      kafka,
      groupId,
      topics: [topic],
      contracts: contracts.all,
      handlers: { [contracts.changed.fullType]: project },
      batchHandlers: { [contracts.changed.fullType]: projectItems },
      transaction,
      deadLetterTopic,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 1000,
      ...overrides,
    });
  }

  return {
    brokers,
    database,
    pool,
    topic,
    deadLetterTopic,
    kafka,
    contracts,
    transaction,
    service,
    groupId,
    logger: silentLogger,
    newItems: (n: number) => Array.from({ length: n }, () => randomUUID()),
    write,
    project,
    relay,
    consumer,
    count,
    appliedInOrder,
    async drop() {
      await pool.end();
      await topics.drop().catch(() => undefined);
      await database.drop();
    },
  };
}

export type Scratch = Awaited<ReturnType<typeof createScratch>>;

/** Polls until `check` holds or the time is up; returns the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
