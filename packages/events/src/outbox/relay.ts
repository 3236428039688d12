import { Client, Pool } from 'pg';
import { backoffDelay, type BackoffPolicy } from '../backoff';
import { type EventEnvelope, recordHeaders } from '../envelope';
import { type KafkaClient, type RecordProducer } from '../kafka';
import { type EventsLogger, silentLogger } from '../logger';
import { SpanKind, SpanStatusCode, type Link } from '@opentelemetry/api';
import { eventsTracer, linkTo } from '../trace-context';
import { outboxChannel, relayLockKey } from './channel';
import { type PgStatements, pgTransaction } from '../pg-transaction';

/** Rows of one tick, as handed to the {@link OutboxRelayOptions.afterPublishBeforeMark} seam. */
export interface PublishedBatch {
  readonly seqs: readonly string[];
  readonly eventIds: readonly string[];
}

/** Configuration of an {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  /** PostgreSQL URL of the service's own database (the one holding `outbox_event`). */
  readonly databaseUrl: string;
  /** Service name, e.g. `org-units`: the same value given to `appendToOutbox` as `source`. */
  readonly service: string;
  readonly kafka: KafkaClient;
  readonly logger?: EventsLogger;
  /** Rows per tick; defaults to 500. */
  readonly batchSize?: number;
  /**
   * Most bytes of record values in one produce request; a tick's rows are sent in as many requests as it takes, in
   * order. Defaults to 768 KiB, under the broker's default 1 MiB `message.max.bytes` per record batch, so that a
   * tick of large events is never refused whole (and retried, refused again, forever).
   */
  readonly maxSendBytes?: number;
  /** Timer fallback when no notification arrives; defaults to 2000 ms (keep it within 1–5 s). */
  readonly pollIntervalMs?: number;
  /** Backoff after a failed tick (broker or database down); defaults to 250 ms doubling to 10 s. */
  readonly backoff?: Partial<BackoffPolicy>;
  /**
   * Prefix put before every declared topic name (default none): an isolated environment, such as a test run sharing a
   * developer's broker, publishes to `<prefix><topic>` and its consumers read there (see `startConsumer`).
   */
  readonly topicPrefix?: string;
  /**
   * Test seam: runs after the broker acknowledged a batch and before the rows are marked published. Throwing here
   * (or ending the process) reproduces a relay killed between the two: the transaction rolls back, the rows stay
   * unpublished and are published again, so consumers see duplicates. Never set in production code.
   */
  readonly afterPublishBeforeMark?: (batch: PublishedBatch) => Promise<void>;
}

/** Counters of a relay since `start()`. */
export interface OutboxRelayMetrics {
  /** Records acknowledged by the broker and marked published. */
  readonly publishedCount: number;
  readonly ticks: number;
  readonly failedTicks: number;
  /** Whether the last tick held the advisory lock (this relay is the active one). */
  readonly active: boolean;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  aggregate_id: string;
  envelope: EventEnvelope;
}

// Ordered by (published_at, seq), the columns of outbox_event_unpublished_idx: all null here, so it is seq order, and the
// planner reads the index from its first unpublished entry. Ordered by seq alone it cannot use that index for the order
// (IS NULL gives no equality on its first column) and, once statistics lag a large batch of new rows, it walks the
// primary key past every published row: 0.6 s per tick after a national import, the relay down to ~330 events/s.
const SELECT_BATCH = `SELECT seq::text AS seq, id::text AS id, topic, aggregate_id, envelope
FROM outbox_event WHERE published_at IS NULL ORDER BY outbox_event.published_at, outbox_event.seq LIMIT $1`;

/**
 * Publishes a service's outbox to Kafka. Any number may run; one is active at a time: each tick takes the service's
 * transaction-scoped advisory lock, reads unpublished rows in `seq` order, publishes them (key = aggregate id,
 * acks from all in-sync replicas, idempotent producer) and marks them in the same transaction once the broker
 * acknowledged. Woken by `pg_notify` from `appendToOutbox`, with a timer fallback; backs off and keeps retrying when
 * the broker or the database fails.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private readonly logger: EventsLogger;
  private readonly batchSize: number;
  private readonly maxSendBytes: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly channel: string;
  private readonly lockKey: string;
  private producer: RecordProducer | undefined;
  private listener: Client | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private wake: (() => void) | undefined;
  private listenRetry: NodeJS.Timeout | undefined;
  private counters = { publishedCount: 0, ticks: 0, failedTicks: 0, active: false };

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.batchSize = options.batchSize ?? 500;
    this.maxSendBytes = options.maxSendBytes ?? 768 * 1024;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.backoff = { initialBackoffMs: 250, maxBackoffMs: 10_000, ...options.backoff };
    this.channel = outboxChannel(options.service);
    this.lockKey = relayLockKey(options.service);
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'outbox relay: idle database connection failed'));
  }

  /** Records published since start. */
  get publishedCount(): number {
    return this.counters.publishedCount;
  }

  /** A snapshot of the relay's counters. */
  metrics(): OutboxRelayMetrics {
    return { ...this.counters };
  }

  /** Starts listening and publishing. Rejects when the database cannot be reached at all. */
  async start(): Promise<void> {
    if (this.loop) throw new Error('OutboxRelay already started');
    this.stopping = false;
    await this.listen();
    this.loop = this.run();
    this.logger.info({ service: this.options.service, channel: this.channel }, 'outbox relay started');
  }

  /** Stops after the current tick (published rows are marked first), then closes its connections. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    clearTimeout(this.listenRetry);
    await this.loop;
    this.loop = undefined;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    await this.closeProducer();
    await this.pool.end().catch(() => undefined);
    this.logger.info({ service: this.options.service, published: this.counters.publishedCount }, 'outbox relay stopped');
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl });
    listener.on('notification', () => this.notify());
    listener.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox relay: notification connection lost; the timer keeps polling');
      void listener.end().catch(() => undefined);
      if (this.listener === listener) this.listener = undefined;
      this.scheduleListen();
    });
    await listener.connect();
    await listener.query(`LISTEN "${this.channel}"`);
    this.listener = listener;
  }

  private scheduleListen(): void {
    if (this.stopping) return;
    this.listenRetry = setTimeout(() => {
      this.listen().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'outbox relay: cannot listen yet');
        this.scheduleListen();
      });
    }, this.pollIntervalMs);
  }

  private notify(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let delay = this.pollIntervalMs;
      try {
        const published = await this.tick();
        failures = 0;
        if (published >= this.batchSize) delay = 0;
      } catch (error) {
        failures += 1;
        this.counters.failedTicks += 1;
        delay = backoffDelay(failures, this.backoff);
        this.logger.warn({ err: error, failures, retryInMs: delay }, 'outbox relay: tick failed; retrying');
        await this.closeProducer();
      }
      if (delay > 0) await this.pause(delay, failures === 0);
    }
  }

  private pause(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (wakeable && this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = () => {
        if (this.stopping || wakeable) finish();
      };
    });
  }

  private async ensureProducer(): Promise<RecordProducer> {
    if (this.producer) return this.producer;
    const producer = this.options.kafka.createProducer();
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async closeProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  /** One pass: returns how many rows were published (0 when another relay holds the lock). */
  private async tick(): Promise<number> {
    this.counters.ticks += 1;
    this.woken = false;
    const published = await pgTransaction(this.pool, {}, async (sql) => {
      const lock = await sql.$queryRawUnsafe<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', this.lockKey);
      this.counters.active = lock[0]?.locked === true;
      if (!this.counters.active) return 0;
      const rows = await sql.$queryRawUnsafe<OutboxRow[]>(SELECT_BATCH, this.batchSize);
      if (rows.length > 0) await this.publish(sql, rows);
      return rows.length;
    });
    this.counters.publishedCount += published;
    return published;
  }

  private async publish(sql: PgStatements, rows: readonly OutboxRow[]): Promise<void> {
    const producer = await this.ensureProducer();
    // One SEND span per batch, linked to the span that created each event (its `traceparent`).
    const links = rows.flatMap((row): Link[] => {
      const link = linkTo(row.envelope.traceparent);
      return link ? [link] : [];
    });
    const topics = [...new Set(rows.map((row) => `${this.options.topicPrefix ?? ''}${row.topic}`))];
    const span = eventsTracer().startSpan(`send ${topics.length === 1 ? topics[0] : 'outbox'}`, {
      kind: SpanKind.PRODUCER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.batch.message_count': rows.length,
        ...(topics.length === 1 ? { 'messaging.destination.name': topics[0] } : {}),
      },
    });
    try {
      const records = rows.map((row) => ({
        topic: `${this.options.topicPrefix ?? ''}${row.topic}`,
        key: row.aggregate_id,
        value: JSON.stringify(row.envelope),
        headers: recordHeaders(row.envelope),
      }));
      // One request after the other: the producer keeps one in flight, so the records of a partition stay in order.
      for (const chunk of chunkByBytes(records, (record) => Buffer.byteLength(record.value), this.maxSendBytes)) await producer.send(chunk);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
    const seqs = rows.map((row) => row.seq);
    await this.options.afterPublishBeforeMark?.({ seqs, eventIds: rows.map((row) => row.id) });
    await sql.$executeRawUnsafe('UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])', seqs);
  }
}

/**
 * Consecutive runs of `items` whose sizes add up to at most `maxBytes` (an item larger than that alone in its run), and
 * of at most `maxItems` items.
 */
export function chunkByBytes<T>(items: readonly T[], sizeOf: (item: T) => number, maxBytes: number, maxItems = Number.POSITIVE_INFINITY): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxItems)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
