import { type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Labels of a GraphQL request: the operation name the client gave, the client (`apollographql-client-name`), and how it ended. */
export interface RequestLabels {
  operation: string;
  client: string;
  /** `ok`, or the first error's `extensions.code` (BAD_USER_INPUT, FORBIDDEN, SUBGRAPH_UNAVAILABLE, …). */
  outcome: string;
}

/** A pg pool's counters (the `pg` Pool has these three). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Sizes of a table, as the events housekeeper reports them. */
export interface TableSize {
  readonly table: string;
  readonly estimatedRows: number;
  readonly totalBytes: number;
}

/** What the events kit tells about a service's outbox, consumers and housekeeping (all optional: a service has what it runs). */
export interface EventsMetricsSource {
  relay?: () => { publishedCount: number; failedTicks: number; active: boolean };
  consumers?: () => ReadonlyArray<{ group: string; applied: number; duplicates: number; skipped: number; deadLettered: number }>;
  /** Lag per partition (may call the broker: it is cached between scrapes by the caller). */
  consumerLag?: () => Promise<ReadonlyArray<{ group: string; topic: string; partition: number; lag: number }>>;
  housekeeping?: () => { outboxBacklog: number; oldestUnpublishedAgeMs: number; outboxPurged: number; inboxPurged: number };
  tableSizes?: () => Promise<readonly TableSize[]>;
}

/** Operation names are the client's: bounded so that a client sending random names cannot grow the series without end. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A service's Prometheus metrics: process defaults, GraphQL requests by operation, client and outcome with a latency
 * histogram, errors by code, and what the service registers (database pool, events). Served at `GET /metrics`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'client' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly operations = new Set<string>();
  private subgraphFetches: Histogram<'subgraph' | 'outcome'> | undefined;
  /** False with `METRICS_ENABLED=false`: nothing is recorded or collected, and `GET /metrics` is not served. */
  readonly enabled: boolean;

  constructor(
    readonly service: string,
    options: { enabled?: boolean } = {},
  ) {
    this.enabled = options.enabled ?? true;
    this.registry.setDefaultLabels({ service });
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'antt_graphql_requests_total',
      help: 'GraphQL requests by operation name, client name and outcome (ok or the first error code).',
      labelNames: ['operation', 'client', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'antt_graphql_request_duration_seconds',
      help: 'GraphQL request latency, from parsing to the response, by operation and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'antt_graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code.',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }

  /** Counts one finished request. */
  recordRequest(labels: RequestLabels, seconds: number, errorCodes: readonly string[]): void {
    if (!this.enabled) return;
    const operation = this.operationLabel(labels.operation);
    this.requests.inc({ operation, client: labels.client.slice(0, 64) || 'unknown', outcome: labels.outcome });
    this.duration.observe({ operation, outcome: labels.outcome }, seconds);
    for (const code of errorCodes) this.errors.inc({ code });
  }

  /**
   * Times one fetch of the gateway to a subgraph (`antt_subgraph_fetch_duration_seconds{subgraph,outcome}`), from the
   * start of the call to the parsed answer or the failure. `outcome`: `ok`, `errors` (a GraphQL answer with errors),
   * SUBGRAPH_TIMEOUT or SUBGRAPH_UNAVAILABLE. The histogram exists from the first fetch on (only the gateway has one).
   */
  recordSubgraphFetch(subgraph: string, outcome: string, seconds: number): void {
    if (!this.enabled) return;
    this.subgraphFetches ??= new Histogram({
      name: 'antt_subgraph_fetch_duration_seconds',
      help: 'Gateway fetches to subgraphs: latency by subgraph and outcome (ok, errors, SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE).',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.subgraphFetches.observe({ subgraph, outcome }, seconds);
  }

  /** An Apollo plugin that records every GraphQL request of this server. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    if (!this.enabled) return {};
    return {
      requestDidStart: async ({ request }) => {
        const started = process.hrtime.bigint();
        const client = request.http?.headers.get('apollographql-client-name') ?? 'unknown';
        return {
          willSendResponse: async ({ response, operationName, errors }) => {
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const all = errors ?? body?.errors ?? [];
            const codes = all.map((error) => String((error.extensions as { code?: unknown } | undefined)?.code ?? 'INTERNAL_SERVER_ERROR'));
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            this.recordRequest({ operation: operationName ?? request.operationName ?? 'anonymous', client, outcome: codes[0] ?? 'ok' }, seconds, codes);
          },
        };
      },
    };
  }

  /** Gauges of a database pool: connections open, idle, and requests waiting for one. */
  observePool(name: string, pool: PoolStats): void {
    if (!this.enabled) return;
    const gauge = (metric: string, help: string, read: () => number) =>
      new Gauge({
        name: metric,
        help,
        labelNames: ['pool'],
        registers: [this.registry],
        collect() {
          this.set({ pool: name }, read());
        },
      });
    gauge('antt_db_pool_connections', 'Connections the pool holds (busy and idle).', () => pool.totalCount);
    gauge('antt_db_pool_idle_connections', 'Idle connections in the pool.', () => pool.idleCount);
    gauge('antt_db_pool_waiting_requests', 'Queries waiting for a connection.', () => pool.waitingCount);
  }

  /** Gauges and counters of the service's outbox relay, consumers and housekeeping, read at each scrape. */
  observeEvents(source: EventsMetricsSource): void {
    if (!this.enabled) return;
    const registers = [this.registry];
    if (source.relay) {
      const relay = source.relay;
      new Gauge({ name: 'antt_outbox_published_total', help: 'Outbox rows published by this process since it started.', registers, collect() { this.set(relay().publishedCount); } });
      new Gauge({ name: 'antt_outbox_relay_failed_ticks_total', help: 'Relay ticks that failed (broker or database down).', registers, collect() { this.set(relay().failedTicks); } });
      new Gauge({ name: 'antt_outbox_relay_active', help: '1 when this process holds the relay lock (the active relay).', registers, collect() { this.set(relay().active ? 1 : 0); } });
    }
    if (source.consumers) {
      const consumers = source.consumers;
      const perGroup = (name: string, help: string, read: (c: ReturnType<typeof consumers>[number]) => number) =>
        new Gauge({
          name,
          help,
          labelNames: ['group'],
          registers,
          collect() {
            for (const consumer of consumers()) this.set({ group: consumer.group }, read(consumer));
          },
        });
      perGroup('antt_consumer_applied_total', 'Events applied by this process since it started.', (c) => c.applied);
      perGroup('antt_consumer_inbox_duplicates_total', 'Redelivered events the inbox dropped.', (c) => c.duplicates);
      perGroup('antt_consumer_dead_lettered_total', 'Events sent to the dead-letter topic.', (c) => c.deadLettered);
    }
    if (source.consumerLag) {
      const lag = source.consumerLag;
      new Gauge({
        name: 'antt_consumer_lag_records',
        help: 'Records not yet consumed, per group and partition.',
        labelNames: ['group', 'topic', 'partition'],
        registers,
        async collect() {
          this.reset();
          for (const entry of await lag()) this.set({ group: entry.group, topic: entry.topic, partition: String(entry.partition) }, entry.lag);
        },
      });
    }
    if (source.housekeeping) {
      const housekeeping = source.housekeeping;
      new Gauge({ name: 'antt_outbox_backlog_rows', help: 'Unpublished outbox rows (at the last housekeeping run).', registers, collect() { this.set(housekeeping().outboxBacklog); } });
      new Gauge({
        name: 'antt_outbox_oldest_unpublished_age_seconds',
        help: 'Age of the oldest unpublished outbox row (at the last housekeeping run).',
        registers,
        collect() {
          this.set(housekeeping().oldestUnpublishedAgeMs / 1000);
        },
      });
      new Gauge({ name: 'antt_outbox_purged_total', help: 'Published outbox rows purged after their retention.', registers, collect() { this.set(housekeeping().outboxPurged); } });
      new Gauge({ name: 'antt_inbox_purged_total', help: 'Inbox entries purged after their retention.', registers, collect() { this.set(housekeeping().inboxPurged); } });
    }
    if (source.tableSizes) {
      // One reading per scrape for both gauges (each collects on its own).
      const read = source.tableSizes;
      let last: { at: number; sizes: Promise<readonly TableSize[]> } | undefined;
      const sizes = () => {
        if (!last || Date.now() - last.at > 1000) last = { at: Date.now(), sizes: read() };
        return last.sizes;
      };
      const perTable = (name: string, help: string, value: (size: TableSize) => number) =>
        new Gauge({
          name,
          help,
          labelNames: ['table'],
          registers,
          async collect() {
            for (const size of await sizes()) this.set({ table: size.table }, value(size));
          },
        });
      perTable('antt_events_table_rows', 'Estimated rows of outbox_event and inbox_entry.', (size) => size.estimatedRows);
      perTable('antt_events_table_bytes', 'Bytes on disk (heap, indexes, TOAST) of outbox_event and inbox_entry.', (size) => size.totalBytes);
    }
  }

  /** The text exposition format. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string): string {
    if (!OPERATION_NAME.test(name)) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}
