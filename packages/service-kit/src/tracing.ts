import { context, isSpanContextValid, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { type IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';

/** The tracing variables every service reads (part of `baseConfigShape`). */
export const tracingConfigShape = {
  /** Base URL of an OTLP/HTTP collector (`/v1/traces` is appended). Unset: tracing off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Overrides the service name put on every span's resource. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** Share of new traces recorded (0–1); a request arriving with a sampled `traceparent` is always recorded. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
};

/** What {@link startTracing} reads from the validated config. */
export interface TracingConfig {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
  OTEL_TRACES_SAMPLER_ARG?: number;
}

/** The process's tracing, as {@link startTracing} left it. */
export interface Tracing {
  /** True when spans are recorded and exported. */
  readonly enabled: boolean;
  /** Exports the spans still buffered (call on shutdown). */
  flush(): Promise<void>;
}

/** Instrumentation scope of the spans the service kit starts. */
export const SERVICE_KIT_TRACER = '@antt/service-kit';

let installed: { provider: NodeTracerProvider; tracing: Tracing } | undefined;
const off: Tracing = { enabled: false, flush: async () => undefined };

/**
 * Sets up the process's OpenTelemetry tracing once: with OTEL_EXPORTER_OTLP_ENDPOINT, a tracer provider exporting over
 * OTLP/HTTP through a batch processor, a parent-based ratio sampler (OTEL_TRACES_SAMPLER_ARG), the W3C `traceparent`
 * propagator, async-local context, and the service name (OTEL_SERVICE_NAME, else `serviceName`) as resource.
 * Without it tracing stays off: the API's no-op tracer is used, nothing is recorded, no `traceparent` is sent.
 * `exporter` (tests: the SDK's `InMemorySpanExporter`) replaces the OTLP exporter, exporting each span as it ends.
 * The first call of the process wins: every later call (other servers started in the same process) gets the same.
 */
export function startTracing(config: TracingConfig, serviceName: string, options: { exporter?: SpanExporter } = {}): Tracing {
  if (installed) return installed.tracing;
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint && !options.exporter) return off;
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${(endpoint ?? '').replace(/\/+$/, '')}/v1/traces` }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG ?? 1) }),
    spanProcessors: [processor],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const tracing: Tracing = { enabled: true, flush: () => provider.forceFlush() };
  installed = { provider, tracing };
  return tracing;
}

/** Shuts the process's tracing down (flushing it) and unregisters it, so that a later {@link startTracing} starts afresh. */
export async function stopTracing(): Promise<void> {
  const current = installed;
  installed = undefined;
  if (!current) return;
  await current.provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

/** The ids of the active span, as every log line carries them (`trace_id`, `span_id`); empty when none is active. */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

function tracer(): Tracer {
  return trace.getTracer(SERVICE_KIT_TRACER);
}

/**
 * Runs `fn` in a SERVER span continuing the caller's trace (`traceparent` of `headers`), ended when `fn` settles with
 * the HTTP status `fn` resolves; a status ≥ 500 or a rejection marks it as an error.
 */
export async function withServerSpan(
  name: string,
  headers: IncomingHttpHeaders,
  attributes: Record<string, string>,
  fn: (span: Span) => Promise<number>,
): Promise<void> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  try {
    const status = await context.with(trace.setSpan(parent, span), () => fn(span));
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * An Apollo plugin naming the request's server span after the operation (`mutation CreateUnit`) and recording
 * `graphql.operation.name`, `graphql.operation.type` and `antt.graphql.outcome` (`ok` or the first error's code).
 */
export function tracingPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const name = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'unknown';
          span.updateName(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
        },
        async willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const all = errors ?? body?.errors ?? [];
          const codes = all.map((error) => String((error.extensions as { code?: unknown } | undefined)?.code ?? 'INTERNAL_SERVER_ERROR'));
          span.setAttribute('antt.graphql.outcome', codes[0] ?? 'ok');
          if (codes.includes('INTERNAL_SERVER_ERROR')) span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}
