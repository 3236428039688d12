import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { createLogger, loadConfig, SERVICE_KIT_TRACER, startSubgraph, startTracing, stopTracing, type RunningServer, type SubgraphContext } from '@antt/service-kit';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { parse } from 'graphql';
import pino from 'pino';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';
import { GATEWAY_TRACER } from './subgraph-data-source';

const SIGNING_KEY = 'gateway-tracing-spec-key-0123456789abcdef';
const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    hello: String!
  }
`);

function supergraph(): string {
  const result = composeServices([{ name: 'org-units', url: 'http://127.0.0.1:9/graphql', typeDefs }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

const gatewayEnv = { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: SIGNING_KEY };

describe('gateway tracing and subgraph fetch metrics (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const subgraphLines: Array<Record<string, unknown>> = [];
  let subgraph: RunningServer;
  let gateway: RunningServer;
  let orphan: RunningServer;

  beforeAll(async () => {
    startTracing({}, 'gateway-spec', { exporter });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        subgraphLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    subgraph = await startSubgraph({
      name: 'org-units',
      typeDefs,
      resolvers: {
        Query: {
          hello: (_: unknown, __: unknown, { logger }: SubgraphContext) => {
            logger.info('resolving hello');
            return 'xin chào';
          },
        },
      },
      config: loadConfig({}, gatewayEnv),
      logger: createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false }, 'org-units', sink),
      handleSignals: false,
    });
    const silent = pino({ level: 'silent' });
    gateway = await createGateway({ supergraphSdl: supergraph(), config: loadGatewayConfig({ ...gatewayEnv, ORG_UNITS_URL: subgraph.url }), logger: silent, handleSignals: false });
    // Routed to a port nobody listens on.
    orphan = await createGateway({ supergraphSdl: supergraph(), config: loadGatewayConfig({ ...gatewayEnv, ORG_UNITS_URL: 'http://127.0.0.1:9/graphql' }), logger: silent, handleSignals: false });
  });

  afterAll(async () => {
    await orphan?.stop();
    await gateway?.stop();
    await subgraph?.stop();
    await stopTracing();
  });

  it('carries one trace from the client through the gateway fetch into the subgraph, and its ids into the log lines', async () => {
    exporter.reset();
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` },
      body: JSON.stringify({ query: 'query Hello { hello }', operationName: 'Hello' }),
    });
    expect(await response.json()).toEqual({ data: { hello: 'xin chào' } });
    const spans = exporter.getFinishedSpans();
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER && span.instrumentationScope.name === SERVICE_KIT_TRACER);
    const fetchSpan = spans.find((span) => span.instrumentationScope.name === GATEWAY_TRACER);
    const gatewaySpan = servers.find((span) => span.parentSpanContext?.spanId === CLIENT_SPAN);
    const subgraphSpan = servers.find((span) => span.parentSpanContext?.spanId === fetchSpan?.spanContext().spanId);
    expect(gatewaySpan?.name).toBe('query Hello');
    expect(gatewaySpan?.attributes).toMatchObject({ 'graphql.operation.name': 'Hello', 'antt.graphql.outcome': 'ok', 'http.response.status_code': 200 });
    expect(fetchSpan).toMatchObject({ name: 'subgraph org-units', kind: SpanKind.CLIENT });
    expect(fetchSpan?.attributes).toMatchObject({ 'antt.subgraph.outcome': 'ok', 'http.response.status_code': 200 });
    expect(subgraphSpan?.name).toMatch(/^query /);
    for (const span of [gatewaySpan, fetchSpan, subgraphSpan]) expect(span?.spanContext().traceId).toBe(CLIENT_TRACE);
    // Apollo's own gateway spans sit between the server span and the fetch span, in the same trace.
    expect(spans.filter((span) => span.spanContext().traceId === CLIENT_TRACE).length).toBeGreaterThan(3);
    expect(subgraphLines.find((line) => line.msg === 'resolving hello')).toMatchObject({ trace_id: CLIENT_TRACE, span_id: expect.any(String) });
  });

  it('times every subgraph fetch by subgraph and outcome, and marks a failed fetch span', async () => {
    exporter.reset();
    const answered = await fetch(orphan.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) });
    expect(((await answered.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    const failed = exporter.getFinishedSpans().find((span) => span.instrumentationScope.name === GATEWAY_TRACER);
    expect(failed?.attributes['antt.subgraph.outcome']).toBe('SUBGRAPH_UNAVAILABLE');
    expect(failed?.status.code).toBe(2);

    const served = await (await fetch(new URL('/metrics', gateway.url))).text();
    expect(served).toMatch(/antt_subgraph_fetch_duration_seconds_count\{service="gateway",subgraph="org-units",outcome="ok"\} [1-9]/);
    const refused = await (await fetch(new URL('/metrics', orphan.url))).text();
    expect(refused).toContain('antt_subgraph_fetch_duration_seconds_count{service="gateway",subgraph="org-units",outcome="SUBGRAPH_UNAVAILABLE"} 1');
  });
});
