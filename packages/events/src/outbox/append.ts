import { type EventContract } from '@antt/contracts';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { buildEnvelope, type EventEnvelope, type NewEvent } from '../envelope';
import { type SqlExecutor } from '../sql';
import { eventsTracer, traceparentOf } from '../trace-context';
import { outboxChannel } from './channel';

/** Options of {@link appendToOutbox}. */
export interface AppendOptions {
  /** The producing service, e.g. `org-units`: gives the envelope `source` and the relay's wake-up channel. */
  readonly source: string;
  /** Seams for tests. */
  readonly now?: () => Date;
  readonly newId?: () => string;
}

// One statement per batch; WITH ORDINALITY keeps the rows' sequence numbers in the order the events were given.
const INSERT = `INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, envelope)
SELECT id, aggregate_type, aggregate_id, type, topic, envelope
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
  WITH ORDINALITY AS e(id, aggregate_type, aggregate_id, type, topic, envelope, n)
ORDER BY n`;
const BATCH = 500;

/**
 * Writes events to the outbox inside the caller's transaction (one multi-row insert per 500 events, in order) and wakes the relay (`pg_notify`, delivered on
 * commit). Every payload is validated first: a {@link ContractViolation} is thrown before anything is written, and
 * as it propagates out of the transaction callback the whole transaction, state change included, rolls back.
 * Each event gets a PRODUCER span (`create <topic>`, child of the active span) whose `traceparent` goes into the
 * envelope, unless the event brings its own; with tracing off the envelope has none.
 * Returns the envelopes written, in order.
 */
export async function appendToOutbox(
  tx: SqlExecutor,
  events: ReadonlyArray<NewEvent<EventContract>>,
  options: AppendOptions,
): Promise<EventEnvelope[]> {
  const envelopes = events.map((event) => buildTracedEnvelope(event, options));
  for (let start = 0; start < envelopes.length; start += BATCH) {
    const batch = envelopes.slice(start, start + BATCH);
    const batchEvents = events.slice(start, start + BATCH) as NewEvent[];
    await tx.$executeRawUnsafe(
      INSERT,
      batch.map((envelope) => envelope.id),
      batchEvents.map((event) => event.contract.aggregateType),
      batchEvents.map((event) => event.aggregateId),
      batch.map((envelope) => envelope.type),
      batchEvents.map((event) => event.contract.topic),
      batch.map((envelope) => JSON.stringify(envelope)),
    );
  }
  if (envelopes.length > 0) await tx.$executeRawUnsafe(`SELECT pg_notify($1, '')`, outboxChannel(options.source));
  return envelopes;
}

function buildTracedEnvelope(event: NewEvent<EventContract>, options: AppendOptions): EventEnvelope {
  const span = eventsTracer().startSpan(`create ${event.contract.topic}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'create',
      'messaging.destination.name': event.contract.topic,
      'messaging.kafka.message.key': event.aggregateId,
      'antt.event.type': event.contract.fullType,
    },
  });
  try {
    const traceparent = event.traceparent ?? traceparentOf(trace.setSpan(context.active(), span));
    const envelope = buildEnvelope(traceparent === undefined ? event : { ...event, traceparent }, options.source, options);
    span.setAttribute('messaging.message.id', envelope.id);
    return envelope;
  } finally {
    span.end();
  }
}
