import { context, type Context, type Link, propagation, ROOT_CONTEXT, trace, type Tracer } from '@opentelemetry/api';

/** Instrumentation scope of the spans the events kit starts (outbox append, relay send, consumer process). */
export const EVENTS_TRACER = '@antt/events';

/** The events kit's tracer: the API's no-op one until the service kit set tracing up. */
export function eventsTracer(): Tracer {
  return trace.getTracer(EVENTS_TRACER);
}

/** The W3C `traceparent` of `ctx` (default: the active context); undefined when tracing is off or no span is in it. */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/** A link to the span a `traceparent` names; undefined when it is missing, malformed, or tracing is off. */
export function linkTo(traceparent: string | undefined): Link | undefined {
  if (!traceparent) return undefined;
  const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
  return spanContext && trace.isSpanContextValid(spanContext) ? { context: spanContext } : undefined;
}

/** The producer's `traceparent` of a record: its Kafka header (the relay copies it from the envelope). */
export function recordTraceparent(headers: Readonly<Record<string, string>>): string | undefined {
  return headers.traceparent || undefined;
}
