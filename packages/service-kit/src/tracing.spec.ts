import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger } from './logger';
import { loadConfig } from './config';
import { activeTraceIds, startTracing, stopTracing, withServerSpan } from './tracing';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, sink };
}

describe('tracing config', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT, samples everything by default, and refuses a bad ratio or URL', () => {
    const config = loadConfig({}, { PORT: '0' });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(config.OTEL_TRACES_SAMPLER_ARG).toBe(1);
    expect(() => loadConfig({}, { PORT: '0', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => loadConfig({}, { PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(loadConfig({}, { PORT: '0', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318', OTEL_SERVICE_NAME: 'ou-1' })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_SERVICE_NAME: 'ou-1',
    });
  });
});

describe('tracing off', () => {
  it('records nothing, propagates nothing and adds no ids to log lines', async () => {
    const tracing = startTracing({}, 'quiet');
    expect(tracing.enabled).toBe(false);
    const { lines, sink } = captureLogs();
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false }, 'quiet', sink);
    await withServerSpan('POST /graphql', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }, {}, async () => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      expect(carrier).toEqual({});
      expect(activeTraceIds()).toEqual({});
      logger.info('inside');
      return 200;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'quiet', msg: 'inside' });
    expect(lines[0]).not.toHaveProperty('trace_id');
  });
});

describe('tracing on (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    expect(startTracing({ OTEL_SERVICE_NAME: 'renamed' }, 'svc', { exporter }).enabled).toBe(true);
  });
  afterAll(() => stopTracing());
  beforeEach(() => exporter.reset());

  it('is set up once per process: a second call gets the same tracing', () => {
    expect(startTracing({}, 'other').enabled).toBe(true);
  });

  it('continues the caller trace in a server span, with the status, and the service name as resource', async () => {
    let inside: { trace_id?: string; span_id?: string } = {};
    await withServerSpan('POST /graphql', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }, { 'url.path': '/graphql' }, async () => {
      inside = activeTraceIds();
      return 200;
    });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('POST /graphql');
    expect(span?.spanContext().traceId).toBe(CALLER_TRACE);
    expect(span?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(span?.attributes).toMatchObject({ 'url.path': '/graphql', 'http.response.status_code': 200 });
    expect(span?.resource.attributes['service.name']).toBe('renamed');
    expect(inside).toEqual({ trace_id: CALLER_TRACE, span_id: span?.spanContext().spanId });
  });

  it('starts a new trace without traceparent and marks a 5xx as an error', async () => {
    await withServerSpan('POST /graphql', {}, {}, async () => 503);
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.spanContext().traceId).not.toBe(CALLER_TRACE);
    expect(span?.status.code).toBe(2);
  });

  it('stamps trace_id and span_id on the log lines written inside a span, and only there', () => {
    const { lines, sink } = captureLogs();
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false }, 'svc', sink).child({ requestId: 'r-1' });
    logger.info('outside');
    const span = trace.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    span.end();
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({ msg: 'inside', requestId: 'r-1', trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
  });
});

describe('sampling', () => {
  const exporter = new InMemorySpanExporter();

  afterAll(() => stopTracing());

  it('records no new trace at ratio 0, but follows a sampled caller', async () => {
    startTracing({ OTEL_TRACES_SAMPLER_ARG: 0 }, 'svc', { exporter });
    await withServerSpan('unsampled', {}, {}, async () => 200);
    await withServerSpan('followed', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` }, {}, async () => 200);
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['followed']);
  });
});
