import { ServiceMetrics } from './metrics';

describe('ServiceMetrics', () => {
  it('counts requests by operation, client and outcome, and errors by code', async () => {
    const metrics = new ServiceMetrics('test-service');
    metrics.recordRequest({ operation: 'Units', client: 'web', outcome: 'ok' }, 0.02, []);
    metrics.recordRequest({ operation: 'Units', client: 'web', outcome: 'FORBIDDEN' }, 0.01, ['FORBIDDEN', 'FORBIDDEN']);
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('antt_graphql_requests_total{operation="Units",client="web",outcome="ok",service="test-service"} 1');
    expect(body).toContain('antt_graphql_requests_total{operation="Units",client="web",outcome="FORBIDDEN",service="test-service"} 1');
    expect(body).toContain('antt_graphql_errors_total{code="FORBIDDEN",service="test-service"} 2');
    expect(body).toContain('antt_graphql_request_duration_seconds_count{service="test-service",operation="Units",outcome="ok"} 1');
  });

  it('records nothing and adds no request hooks when disabled (METRICS_ENABLED=false)', async () => {
    const metrics = new ServiceMetrics('quiet', { enabled: false });
    metrics.recordRequest({ operation: 'Units', client: 'web', outcome: 'ok' }, 0.02, []);
    metrics.recordSubgraphFetch('org-units', 'ok', 0.01);
    metrics.observePool('prisma', { totalCount: 1, idleCount: 1, waitingCount: 0 });
    expect(metrics.enabled).toBe(false);
    expect(metrics.plugin()).toEqual({});
    const { body } = await metrics.render();
    expect(body).not.toContain('antt_graphql_requests_total{');
    expect(body).not.toContain('antt_subgraph_fetch_duration_seconds');
    expect(body).not.toContain('antt_db_pool_connections');
    expect(body).not.toContain('process_cpu_user_seconds_total');
  });

  it('bounds operation names: malformed ones are anonymous, past the limit they are "other"', async () => {
    const metrics = new ServiceMetrics('bounded');
    metrics.recordRequest({ operation: 'drop table;--', client: 'x', outcome: 'ok' }, 0.001, []);
    for (let i = 0; i < 510; i += 1) metrics.recordRequest({ operation: `Op${i}`, client: 'x', outcome: 'ok' }, 0.001, []);
    const { body } = await metrics.render();
    expect(body).toContain('operation="anonymous"');
    expect(body).toContain('antt_graphql_requests_total{operation="other",client="x",outcome="ok",service="bounded"} 10');
    expect(body).not.toContain('operation="Op505"');
  });

  it('reads the pool and the events kit at each scrape', async () => {
    const metrics = new ServiceMetrics('events');
    const pool = { totalCount: 4, idleCount: 1, waitingCount: 2 };
    let published = 10;
    metrics.observePool('prisma', pool);
    metrics.observeEvents({
      relay: () => ({ publishedCount: published, failedTicks: 0, active: true }),
      consumers: () => [{ group: 'g', applied: 7, duplicates: 1, skipped: 0, deadLettered: 0 }],
      consumerLag: async () => [{ group: 'g', topic: 't', partition: 2, lag: 5 }],
      housekeeping: () => ({ outboxBacklog: 3, oldestUnpublishedAgeMs: 1500, outboxPurged: 0, inboxPurged: 0 }),
      tableSizes: async () => [{ table: 'outbox_event', estimatedRows: 100, totalBytes: 65536 }],
    });
    published = 12;
    const { body } = await metrics.render();
    expect(body).toContain('antt_db_pool_waiting_requests{pool="prisma",service="events"} 2');
    expect(body).toContain('antt_outbox_published_total{service="events"} 12');
    expect(body).toContain('antt_outbox_relay_active{service="events"} 1');
    expect(body).toContain('antt_consumer_inbox_duplicates_total{group="g",service="events"} 1');
    expect(body).toContain('antt_consumer_lag_records{group="g",topic="t",partition="2",service="events"} 5');
    expect(body).toContain('antt_outbox_oldest_unpublished_age_seconds{service="events"} 1.5');
    expect(body).toContain('antt_events_table_bytes{table="outbox_event",service="events"} 65536');
    expect(body).toContain('antt_events_table_rows{table="outbox_event",service="events"} 100');
  });

  it('times subgraph fetches by subgraph and outcome, the histogram appearing with the first fetch', async () => {
    const metrics = new ServiceMetrics('gateway');
    expect((await metrics.render()).body).not.toContain('antt_subgraph_fetch_duration_seconds');
    metrics.recordSubgraphFetch('org-units', 'ok', 0.02);
    metrics.recordSubgraphFetch('org-units', 'ok', 0.3);
    metrics.recordSubgraphFetch('campaigns', 'SUBGRAPH_TIMEOUT', 5);
    const { body } = await metrics.render();
    expect(body).toContain('# TYPE antt_subgraph_fetch_duration_seconds histogram');
    expect(body).toContain('antt_subgraph_fetch_duration_seconds_count{service="gateway",subgraph="org-units",outcome="ok"} 2');
    expect(body).toContain('antt_subgraph_fetch_duration_seconds_bucket{le="0.025",service="gateway",subgraph="org-units",outcome="ok"} 1');
    expect(body).toContain('antt_subgraph_fetch_duration_seconds_sum{service="gateway",subgraph="campaigns",outcome="SUBGRAPH_TIMEOUT"} 5');
  });
});
