import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { loadCampaignsConfig, startCampaigns } from '@antt/campaigns';
import { EVENTS_TRACER } from '@antt/events';
import { createGateway, GATEWAY_TRACER, loadGatewayConfig } from '@antt/gateway';
import { REPO_ROOT } from '@antt/infra';
import { loadOrgUnitsConfig, startOrgUnits } from '@antt/org-units';
import { type RunningServer, SERVICE_KIT_TRACER, startTracing, stopTracing } from '@antt/service-kit';
import { createIsolatedTopics, createMigratedTestDatabase, getTestInfra, type IsolatedTopics, type TestDatabase, uniqueName } from '@antt/testing';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { openDirectory } from './support/directory-reader';
import { eventually } from './support/stack';

/**
 * One trace from a mutation at the gateway to the projection in another service: org-units, campaigns and the gateway
 * run in this process (so that they share the SDK's in-memory exporter) on fresh databases and topics of their own, with
 * the real relay, broker and consumer in between.
 */
const CREATE = `mutation CreateProvince($input: CreateUnitInput!) { createUnit(input: $input) { id } }`;

describe('a trace from a gateway mutation to the campaigns unit directory', () => {
  const exporter = new InMemorySpanExporter();
  const groupId = uniqueName('trace-unit-directory-');
  const started: RunningServer[] = [];
  let orgUnitsDatabase: TestDatabase | undefined;
  let campaignsDatabase: TestDatabase | undefined;
  let topics: IsolatedTopics | undefined;
  let gateway: RunningServer;

  beforeAll(async () => {
    // Before any server starts: the first set-up of the process is the one every service uses.
    expect(startTracing({}, 'platform-e2e', { exporter }).enabled).toBe(true);
    const infra = await getTestInfra();
    orgUnitsDatabase = await createMigratedTestDatabase('e2e_tr_ou_', path.join(REPO_ROOT, 'apps/org-units'));
    campaignsDatabase = await createMigratedTestDatabase('e2e_tr_cp_', path.join(REPO_ROOT, 'apps/campaigns'));
    topics = await createIsolatedTopics();
    const common = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topics.prefix,
    };
    const orgUnits = await startOrgUnits(loadOrgUnitsConfig({ ...common, DATABASE_URL: orgUnitsDatabase.url }), { handleSignals: false });
    started.push(orgUnits);
    const campaigns = await startCampaigns(
      loadCampaignsConfig({ ...common, DATABASE_URL: campaignsDatabase.url, UNIT_DIRECTORY_GROUP_ID: groupId, DEADLINE_SCHEDULER_INTERVAL_MS: '0' }),
      { handleSignals: false },
    );
    started.push(campaigns);
    gateway = await createGateway({
      supergraphSdl: readFileSync(path.join(REPO_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'),
      config: loadGatewayConfig({ ...common, ORG_UNITS_URL: orgUnits.url, CAMPAIGNS_URL: campaigns.url }),
      handleSignals: false,
    });
    started.push(gateway);
  }, 180_000);

  afterAll(async () => {
    for (const server of started.reverse()) await server.stop();
    await orgUnitsDatabase?.drop();
    await campaignsDatabase?.drop();
    await topics?.drop();
    await stopTracing();
  });

  it('links the campaigns consumer span to the org-units event created in the gateway request trace', async () => {
    const token = await mintDevToken({ subject: 'trace:admin', roles: ['SYSTEM_ADMIN'], unitId: randomUUID(), secret: DEV_JWT_HS256_SECRET });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: CREATE,
        variables: { input: { code: `TR-${randomUUID().slice(0, 8)}`, kind: 'PROVINCE', name: 'Tỉnh Dấu Vết', effectiveDate: '2020-01-01' } },
      }),
    });
    const result = (await response.json()) as { data?: { createUnit: { id: string } }; errors?: unknown };
    expect(result.errors).toBeUndefined();
    const unitId = result.data!.createUnit.id;

    const { directory, close } = openDirectory(campaignsDatabase!.url);
    try {
      await eventually(async () => ((await directory.revisionOf(unitId)) !== null ? true : undefined), 60_000, 'the unit in the campaigns directory');
    } finally {
      await close();
    }
    // The consumer span ends once its transaction committed, just after the directory shows the unit.
    const consumerSpan = await eventually(
      async () =>
        exporter
          .getFinishedSpans()
          .find((span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.consumer.group.name'] === groupId),
      10_000,
      'the consumer span',
    );

    const spans = exporter.getFinishedSpans();
    const byId = (spanId: string | undefined) => spans.find((span) => span.spanContext().spanId === spanId);
    const gatewaySpan = spans.find((span) => span.kind === SpanKind.SERVER && span.name === 'mutation CreateProvince' && !span.parentSpanContext);
    expect(gatewaySpan).toBeDefined();
    const traceId = gatewaySpan!.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);

    // gateway server span → (Apollo's gateway spans) → gateway fetch span → org-units server span → create span.
    const fetchSpan = inTrace.find((span) => span.instrumentationScope.name === GATEWAY_TRACER && span.name === 'subgraph org-units');
    expect(fetchSpan?.kind).toBe(SpanKind.CLIENT);
    expect(fetchSpan?.attributes['antt.subgraph.outcome']).toBe('ok');
    const orgUnitsSpan = inTrace.find(
      (span) => span.instrumentationScope.name === SERVICE_KIT_TRACER && span.kind === SpanKind.SERVER && span.parentSpanContext?.spanId === fetchSpan?.spanContext().spanId,
    );
    expect(orgUnitsSpan?.attributes).toMatchObject({ 'antt.graphql.outcome': 'ok' });
    const createSpan = inTrace.find((span) => span.instrumentationScope.name === EVENTS_TRACER && span.kind === SpanKind.PRODUCER && span.name.startsWith('create '));
    expect(createSpan?.name).toBe(`create org-units.unit`);
    expect(ancestry(createSpan!, byId)).toEqual(expect.arrayContaining([orgUnitsSpan, fetchSpan, gatewaySpan]));

    // The outbox row keeps the create span's context; the relay sends it as the `traceparent` header.
    const traceparent = `00-${traceId}-${createSpan!.spanContext().spanId}-01`;
    const db = new pg.Client({ connectionString: orgUnitsDatabase!.url });
    await db.connect();
    const { rows } = await db.query<{ traceparent: string | null }>(`SELECT envelope->>'traceparent' AS traceparent FROM outbox_event WHERE aggregate_id = $1`, [unitId]);
    await db.end();
    expect(rows.map((row) => row.traceparent)).toEqual([traceparent]);
    const sendSpan = spans.find((span) => span.name === `send ${topics!.prefix}org-units.unit` && span.links.some((link) => link.context.spanId === createSpan!.spanContext().spanId));
    expect(sendSpan?.kind).toBe(SpanKind.PRODUCER);

    // The consumer's span is its own trace, linked (from the Kafka header) to the create span of the request's trace.
    expect(consumerSpan.links.map((link) => `00-${link.context.traceId}-${link.context.spanId}-01`)).toContain(traceparent);
    expect(consumerSpan.attributes).toMatchObject({ 'messaging.destination.name': `${topics!.prefix}org-units.unit`, 'antt.consumer.outcome': 'applied' });
  });
});

/** The span's parents up to the root of its trace, nearest first (those recorded in this process). */
function ancestry(span: ReadableSpan, byId: (spanId: string | undefined) => ReadableSpan | undefined): ReadableSpan[] {
  const chain: ReadableSpan[] = [];
  for (let parent = byId(span.parentSpanContext?.spanId); parent; parent = byId(parent.parentSpanContext?.spanId)) chain.push(parent);
  return chain;
}
