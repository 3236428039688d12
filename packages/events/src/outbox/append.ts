import { type EventContract } from '@antt/contracts';
import { buildEnvelope, type EventEnvelope, type NewEvent } from '../envelope';
import { type SqlExecutor } from '../sql';
import { outboxChannel } from './channel';

/** Options of {@link appendToOutbox}. */
export interface AppendOptions {
  /** The producing service, e.g. `org-units`: gives the envelope `source` and the relay's wake-up channel. */
  readonly source: string;
  /** Seams for tests. */
  readonly now?: () => Date;
  readonly newId?: () => string;
}

const INSERT = `INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, topic, envelope)
VALUES ($1::uuid, $2, $3, $4, $5, $6::jsonb)`;

/**
 * Writes events to the outbox inside the caller's transaction and wakes the relay (`pg_notify`, delivered on
 * commit). Every payload is validated first: a {@link ContractViolation} is thrown before anything is written, and
 * as it propagates out of the transaction callback the whole transaction, state change included, rolls back.
 * Returns the envelopes written, in order.
 */
export async function appendToOutbox(
  tx: SqlExecutor,
  events: ReadonlyArray<NewEvent<EventContract>>,
  options: AppendOptions,
): Promise<EventEnvelope[]> {
  const envelopes = events.map((event) => buildEnvelope(event, options.source, options));
  for (const [index, envelope] of envelopes.entries()) {
    const event = events[index] as NewEvent;
    await tx.$executeRawUnsafe(
      INSERT,
      envelope.id,
      event.contract.aggregateType,
      event.aggregateId,
      envelope.type,
      event.contract.topic,
      JSON.stringify(envelope),
    );
  }
  if (envelopes.length > 0) await tx.$executeRawUnsafe(`SELECT pg_notify($1, '')`, outboxChannel(options.source));
  return envelopes;
}
