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

// One statement per batch, its rows sent as one JSON array: PostgreSQL parses one document, where a `jsonb[]` parameter
// has every envelope escaped into an array literal by the driver and parsed again (measured on 20,000 reorganisation
// envelopes of 1.3 KB, 500 a statement: about 4.5 s against 7.2 s on the loaded 2-core machine). WITH ORDINALITY keeps
// the rows' sequence numbers in the order the events were given.
const INSERT = `INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, envelope)
SELECT (r->>'id')::uuid, r->>'aggregateType', r->>'aggregateId', r->>'type', r->>'topic', r->'envelope'
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, n)
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
    const rows = batch.map((envelope, index) => {
      const event = batchEvents[index] as NewEvent;
      return { id: envelope.id, aggregateType: event.contract.aggregateType, aggregateId: event.aggregateId, type: envelope.type, topic: event.contract.topic, envelope };
    });
    await tx.$executeRawUnsafe(INSERT, JSON.stringify(rows));
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
