import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { type EventsLogger, silentLogger } from '../logger';
import { pgTransaction } from '../pg-transaction';

/** Configuration of an {@link EventsHousekeeper}. */
export interface EventsHousekeeperOptions {
  /** PostgreSQL URL of the service's own database (the one holding `outbox_event` and `inbox_entry`). */
  readonly databaseUrl: string;
  /** Service name, as given to the relay: one housekeeper per service is active at a time. */
  readonly service: string;
  /** How long a published outbox row is kept after it was published. Unpublished rows are never purged. */
  readonly outboxRetentionMs: number;
  /**
   * How long an inbox entry is kept after its event was applied. It must outlast every way the same event can arrive
   * again: a relay republishing rows it published but could not mark, and a consumer re-reading records whose offsets it
   * had not committed. Both are bounded by minutes; days are a wide margin. Replaying a topic from its start to rebuild a
   * read model is not deduplicated by the inbox (the rebuild starts from empty tables and the handlers replace by revision).
   */
  readonly inboxRetentionMs: number;
  /** Rows deleted per statement (default 1,000): each statement is its own short transaction. */
  readonly batchSize?: number;
  /** Pause between two batches (default 50 ms) so that the relay and the consumers keep their share of the database. */
  readonly pauseBetweenBatchesMs?: number;
  /** Upper bound of batches per table and run (default 1,000): a run never holds on for long, the next run goes on. */
  readonly maxBatchesPerRun?: number;
  /** Interval between runs when started (default 10 minutes). */
  readonly intervalMs?: number;
  readonly logger?: EventsLogger;
}

/** What one run purged. `skipped` is true when another replica's housekeeper held the service's lock. */
export interface HousekeepingRun {
  readonly outboxPurged: number;
  readonly inboxPurged: number;
  readonly skipped: boolean;
}

/** Sizes of the events tables, for metrics and operators. */
export interface EventsTablesSize {
  readonly table: 'outbox_event' | 'inbox_entry';
  /** PostgreSQL's estimate (`pg_class.reltuples`), exact after ANALYZE; -1 before the table was ever analysed. */
  readonly estimatedRows: number;
  /** Heap, indexes and TOAST, in bytes. */
  readonly totalBytes: number;
}

/** Counters of a housekeeper since it was created. */
export interface HousekeeperMetrics {
  readonly runs: number;
  readonly failedRuns: number;
  readonly outboxPurged: number;
  readonly inboxPurged: number;
  /** Unpublished outbox rows at the end of the last run, and the age in ms of the oldest one (0 when none). */
  readonly outboxBacklog: number;
  readonly oldestUnpublishedAgeMs: number;
}

/** The advisory-lock key (a signed 64-bit integer, as a decimal string) that elects one active housekeeper per service. */
export function housekeepingLockKey(service: string): string {
  const digest = createHash('sha256').update(`antt-events-housekeeping:${service}`).digest();
  return digest.readBigInt64BE(0).toString();
}

// Published rows only; `seq` order finds the oldest first through the primary key. SKIP LOCKED: never wait on a row
// another transaction holds (the relay only ever locks unpublished rows, but nothing here may queue behind it).
const PURGE_OUTBOX = `DELETE FROM outbox_event WHERE seq IN (
  SELECT seq FROM outbox_event
  WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1::double precision / 1000)
  ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)`;

const PURGE_INBOX = `DELETE FROM inbox_entry WHERE (consumer, event_id) IN (
  SELECT consumer, event_id FROM inbox_entry
  WHERE processed_at < now() - make_interval(secs => $1::double precision / 1000)
  ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED)`;

const BACKLOG = `SELECT count(*)::bigint AS backlog,
  COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)::double precision AS oldest_ms
FROM outbox_event WHERE published_at IS NULL`;

const TABLE_SIZES = `SELECT c.relname AS table, c.reltuples::bigint AS estimated_rows, pg_total_relation_size(c.oid) AS total_bytes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relname IN ('outbox_event', 'inbox_entry') ORDER BY c.relname`;

/**
 * Purges what the outbox and the inbox no longer need: published outbox rows older than their retention (unpublished
 * rows are never touched, whatever their age) and inbox entries older than theirs. Deletes run in small batches, each
 * its own transaction under the service's housekeeping lock (one replica purges at a time; the relay's lock is another
 * one, so publishing never waits for a purge), with a pause between batches.
 */
export class EventsHousekeeper {
  private readonly pool: Pool;
  private readonly logger: EventsLogger;
  private readonly lockKey: string;
  private readonly batchSize: number;
  private readonly pauseMs: number;
  private readonly maxBatches: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<HousekeepingRun> | undefined;
  private stopping = false;
  private counters = { runs: 0, failedRuns: 0, outboxPurged: 0, inboxPurged: 0, outboxBacklog: 0, oldestUnpublishedAgeMs: 0 };

  constructor(private readonly options: EventsHousekeeperOptions) {
    this.logger = options.logger ?? silentLogger;
    this.lockKey = housekeepingLockKey(options.service);
    this.batchSize = options.batchSize ?? 1000;
    this.pauseMs = options.pauseBetweenBatchesMs ?? 50;
    this.maxBatches = options.maxBatchesPerRun ?? 1000;
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'events housekeeping: idle database connection failed'));
  }

  /** Runs now and then every `intervalMs`; a failed run is logged and the next one retries. */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    const tick = (): void => {
      if (this.running || this.stopping) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
      this.running.catch((error: unknown) => this.logger.warn({ err: error }, 'events housekeeping: run failed; the next run retries'));
    };
    this.timer = setInterval(tick, this.options.intervalMs ?? 10 * 60 * 1000);
    this.timer.unref();
    tick();
  }

  /** Stops the timer, lets a run in progress finish its current batch, closes the connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** A snapshot of the counters. */
  metrics(): HousekeeperMetrics {
    return { ...this.counters };
  }

  /** One purge of both tables (each up to `maxBatchesPerRun` batches), then the outbox backlog is read. */
  async runOnce(): Promise<HousekeepingRun> {
    this.counters.runs += 1;
    try {
      const outbox = await this.purge(PURGE_OUTBOX, this.options.outboxRetentionMs);
      const inbox = outbox.skipped ? { deleted: 0, skipped: true } : await this.purge(PURGE_INBOX, this.options.inboxRetentionMs);
      this.counters.outboxPurged += outbox.deleted;
      this.counters.inboxPurged += inbox.deleted;
      const { rows } = await this.pool.query<{ backlog: string; oldest_ms: number }>(BACKLOG);
      this.counters.outboxBacklog = Number(rows[0]?.backlog ?? 0);
      this.counters.oldestUnpublishedAgeMs = Math.round(Number(rows[0]?.oldest_ms ?? 0));
      const run = { outboxPurged: outbox.deleted, inboxPurged: inbox.deleted, skipped: outbox.skipped };
      if (run.outboxPurged + run.inboxPurged > 0) this.logger.info({ service: this.options.service, ...run }, 'events housekeeping: purged');
      return run;
    } catch (error) {
      this.counters.failedRuns += 1;
      throw error;
    }
  }

  /** Row estimates and on-disk sizes of `outbox_event` and `inbox_entry`. */
  async tableSizes(): Promise<EventsTablesSize[]> {
    const { rows } = await this.pool.query<{ table: 'outbox_event' | 'inbox_entry'; estimated_rows: string; total_bytes: string }>(TABLE_SIZES);
    return rows.map((row) => ({ table: row.table, estimatedRows: Number(row.estimated_rows), totalBytes: Number(row.total_bytes) }));
  }

  private async purge(statement: string, retentionMs: number): Promise<{ deleted: number; skipped: boolean }> {
    let deleted = 0;
    for (let batch = 0; batch < this.maxBatches && !this.stopping; batch += 1) {
      const count = await pgTransaction(this.pool, {}, async (sql) => {
        const lock = await sql.$queryRawUnsafe<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', this.lockKey);
        return lock[0]?.locked === true ? sql.$executeRawUnsafe(statement, retentionMs, this.batchSize) : null;
      });
      if (count === null) return { deleted, skipped: batch === 0 };
      deleted += count;
      if (count < this.batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    }
    return { deleted, skipped: false };
  }
}
