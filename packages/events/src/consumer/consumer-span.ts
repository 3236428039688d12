import { context, type Link, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { eventsTracer, linkTo, recordTraceparent } from '../trace-context';
import { type IncomingRecord } from './dead-letter';

/**
 * Runs `fn` (the records' transaction and handlers) in a CONSUMER span `process <topic>` linked to the producer's span
 * of each record (its `traceparent` header), per the OpenTelemetry messaging conventions: a new trace for the consumer,
 * linked to the traces that produced its events. `outcome` names the result on the span; a rejection marks it failed.
 */
export async function withConsumerSpan<T>(
  records: readonly IncomingRecord[],
  consumer: string,
  fn: () => Promise<T>,
  outcome: (result: T) => string,
): Promise<T> {
  const first = records[0];
  const links = records.flatMap((record): Link[] => {
    const link = linkTo(recordTraceparent(record.headers));
    return link ? [link] : [];
  });
  const span = eventsTracer().startSpan(
    `process ${first?.topic ?? 'records'}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': first?.topic ?? '',
        'messaging.destination.partition.id': String(first?.partition ?? ''),
        'messaging.consumer.group.name': consumer,
        'messaging.batch.message_count': records.length,
        ...(records.length === 1 && first ? { 'messaging.kafka.offset': Number(first.offset) } : {}),
      },
    },
    context.active(),
  );
  try {
    const result = await context.with(trace.setSpan(context.active(), span), fn);
    span.setAttribute('antt.consumer.outcome', outcome(result));
    return result;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
