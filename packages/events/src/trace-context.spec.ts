import { UnitCreatedV1 } from '@antt/contracts';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { buildEnvelope, recordHeaders } from './envelope';
import { silentLogger } from './logger';
import { appendToOutbox } from './outbox/append';
import { processBatch } from './consumer/process-batch';
import { processRecord, type ProcessRecordDeps } from './consumer/process-record';
import { type IncomingRecord } from './consumer/dead-letter';
import { isInfrastructureError } from './consumer/infrastructure-error';
import { type SqlExecutor } from './sql';
import { linkTo, recordTraceparent, traceparentOf } from './trace-context';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
const PRODUCER = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** Every insert succeeds: each event is new to the inbox (the batch statement returns every id given). */
const noDatabase: SqlExecutor = {
  $executeRawUnsafe: async () => 1,
  $queryRawUnsafe: async <T>(_sql: string, ...values: unknown[]) => (Array.isArray(values[1]) ? values[1].map((id) => ({ event_id: id })) : []) as T,
};

function recordWith(headers: Record<string, string>, offset = '7'): IncomingRecord {
  const envelope = buildEnvelope({ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }, 'org-units');
  return { topic: 'org-units.unit', partition: 0, offset, key: null, value: Buffer.from(JSON.stringify(envelope)), headers };
}

function deps(handler: () => Promise<void>): ProcessRecordDeps<SqlExecutor> {
  return {
    consumer: 'campaigns.unit-directory',
    handlers: new Map([[UnitCreatedV1.fullType, { contract: UnitCreatedV1, handler }]]),
    transaction: (fn) => fn(noDatabase),
    retry: { attempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    logger: silentLogger,
    heartbeat: async () => undefined,
    heartbeatIntervalMs: 1000,
    deadLetter: async () => undefined,
    isInfrastructureError,
  };
}

describe('trace context, tracing off', () => {
  it('yields no traceparent, no link, and envelopes without traceparent', async () => {
    expect(traceparentOf()).toBeUndefined();
    expect(linkTo(PRODUCER)).toBeUndefined();
    const [envelope] = await appendToOutbox(
      noDatabase,
      [{ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }],
      { source: 'org-units' },
    );
    expect(envelope).not.toHaveProperty('traceparent');
    expect(recordHeaders(envelope!)).not.toHaveProperty('traceparent');
  });
});

describe('trace context, tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register({ propagator: new W3CTraceContextPropagator() }));
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => exporter.reset());

  it('formats the active span as traceparent and turns a traceparent back into a link', () => {
    const span = trace.getTracer('test').startSpan('request');
    const traceparent = traceparentOf(trace.setSpan(context.active(), span));
    span.end();
    expect(traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    expect(linkTo(PRODUCER)?.context).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', isRemote: true });
    expect(linkTo('not-a-traceparent')).toBeUndefined();
    expect(linkTo(undefined)).toBeUndefined();
    expect(recordTraceparent({ traceparent: PRODUCER, ce_id: 'x' })).toBe(PRODUCER);
    expect(recordTraceparent({ traceparent: '' })).toBeUndefined();
    expect(recordTraceparent({})).toBeUndefined();
  });

  it('appendToOutbox stores the traceparent of a PRODUCER span, child of the request span, and the relay headers carry it', async () => {
    const request = trace.getTracer('test').startSpan('request');
    const envelopes = await context.with(trace.setSpan(context.active(), request), () =>
      appendToOutbox(
        noDatabase,
        [
          { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example },
          { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example, traceparent: PRODUCER },
        ],
        { source: 'org-units' },
      ),
    );
    request.end();
    const [create] = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.PRODUCER);
    expect(create?.name).toBe('create org-units.unit');
    expect(create?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(create?.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.message.id': envelopes[0]?.id });
    const [, own, given] = TRACEPARENT.exec(envelopes[0]?.traceparent ?? '') ?? [];
    expect(own).toBe(request.spanContext().traceId);
    expect(given).toBe(create?.spanContext().spanId);
    expect(envelopes[1]?.traceparent).toBe(PRODUCER);
    expect(recordHeaders(envelopes[0]!).traceparent).toBe(envelopes[0]?.traceparent);
  });

  it('processes a record in a CONSUMER span linked to the producer, with the handler running inside it', async () => {
    let handlerTrace: string | undefined;
    const outcome = await processRecord(
      recordWith({ traceparent: PRODUCER }),
      deps(async () => {
        handlerTrace = trace.getActiveSpan()?.spanContext().traceId;
      }),
    );
    expect(outcome.kind).toBe('applied');
    const [span] = exporter.getFinishedSpans();
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.name).toBe('process org-units.unit');
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links.map((link) => link.context.spanId)).toEqual(['b7ad6b7169203331']);
    expect(span?.attributes).toMatchObject({
      'messaging.consumer.group.name': 'campaigns.unit-directory',
      'messaging.kafka.offset': 7,
      'antt.consumer.outcome': 'applied',
    });
    expect(handlerTrace).toBe(span?.spanContext().traceId);
  });

  it('processes a batch in one CONSUMER span linked to each record producer', async () => {
    const other = '00-11111111111111111111111111111111-2222222222222222-01';
    const outcomes = await processBatch([recordWith({ traceparent: PRODUCER }, '1'), recordWith({ traceparent: other }, '2'), recordWith({}, '3')], {
      ...deps(async () => undefined),
      batchHandlers: new Map(),
    });
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['applied', 'applied', 'applied']);
    const consumerSpans = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CONSUMER);
    expect(consumerSpans).toHaveLength(1);
    expect(consumerSpans[0]?.links.map((link) => link.context.traceId)).toEqual(['0af7651916cd43dd8448eb211c80319c', '11111111111111111111111111111111']);
    expect(consumerSpans[0]?.attributes).toMatchObject({ 'messaging.batch.message_count': 3, 'antt.consumer.outcome': 'applied' });
  });
});
