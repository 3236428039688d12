import { type EventContract } from '@antt/contracts';
import { backoffDelay, sleepWithTicks } from '../backoff';
import { type EventEnvelope, parseEnvelope, validatePayload } from '../envelope';
import { ContractViolation } from '../errors';
import { type EventsLogger } from '../logger';
import { type SqlExecutor, type TransactionRunner } from '../sql';
import { withConsumerSpan } from './consumer-span';
import { type DeadLetterKind, type IncomingRecord } from './dead-letter';

/** Applies one event inside the consumer's transaction. Throwing rolls the transaction back and triggers a retry. */
export type EventHandler<TTx extends SqlExecutor = SqlExecutor, TData = unknown> = (
  event: EventEnvelope<TData>,
  tx: TTx,
) => Promise<void>;

/** Retry policy for failing handlers. */
export interface RetryPolicy {
  /** Tries in total before the event is dead-lettered (≥ 1). */
  readonly attempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/** What happened to one record. */
export type RecordOutcome =
  | { readonly kind: 'applied'; readonly eventId: string; readonly attempts: number }
  | { readonly kind: 'duplicate'; readonly eventId: string }
  | { readonly kind: 'skipped'; readonly type: string }
  | { readonly kind: 'dead-lettered'; readonly reason: DeadLetterKind; readonly detail: string };

/** What {@link processRecord} needs; the runner supplies the Kafka-backed parts. */
export interface ProcessRecordDeps<TTx extends SqlExecutor> {
  readonly consumer: string;
  readonly handlers: ReadonlyMap<string, { contract: EventContract; handler: EventHandler<TTx> }>;
  readonly transaction: TransactionRunner<TTx>;
  readonly retry: RetryPolicy;
  readonly logger: EventsLogger;
  readonly heartbeat: () => Promise<void>;
  readonly heartbeatIntervalMs: number;
  readonly deadLetter: (record: IncomingRecord, kind: DeadLetterKind, detail: string) => Promise<void>;
  readonly isInfrastructureError: (error: unknown) => boolean;
}

const INSERT_INBOX = `INSERT INTO inbox_entry (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`;

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Decides and applies one record: invalid envelope or payload → dead letter; unknown type → skipped; otherwise the
 * inbox row and the handler run in one transaction (a duplicate finds the row and does nothing), retried with
 * exponential backoff and dead-lettered after the last attempt. Infrastructure failures are rethrown, so the record
 * stays uncommitted. The caller commits the offset after this resolves. All of it runs in a consumer span linked to the
 * producer's (`traceparent` header), so the handler's work and its log lines belong to that span.
 */
export function processRecord<TTx extends SqlExecutor>(record: IncomingRecord, deps: ProcessRecordDeps<TTx>): Promise<RecordOutcome> {
  return withConsumerSpan([record], deps.consumer, () => applyRecord(record, deps), (outcome) => outcome.kind);
}

async function applyRecord<TTx extends SqlExecutor>(record: IncomingRecord, deps: ProcessRecordDeps<TTx>): Promise<RecordOutcome> {
  let envelope: EventEnvelope;
  try {
    envelope = parseEnvelope(record.value);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    await deps.deadLetter(record, 'invalid-envelope', error.issues);
    return { kind: 'dead-lettered', reason: 'invalid-envelope', detail: error.issues };
  }
  const route = deps.handlers.get(envelope.type);
  if (!route) {
    deps.logger.debug({ type: envelope.type, topic: record.topic, offset: record.offset }, 'consumer: no handler, skipped');
    return { kind: 'skipped', type: envelope.type };
  }
  let event: EventEnvelope;
  try {
    event = { ...envelope, data: validatePayload(route.contract, envelope.data) };
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    await deps.deadLetter(record, 'contract-violation', error.issues);
    return { kind: 'dead-lettered', reason: 'contract-violation', detail: error.issues };
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      const applied = await deps.transaction(async (tx) => {
        const inserted = await tx.$executeRawUnsafe(INSERT_INBOX, deps.consumer, event.id);
        if (inserted === 0) return false;
        await route.handler(event, tx);
        return true;
      });
      return applied ? { kind: 'applied', eventId: event.id, attempts: attempt } : { kind: 'duplicate', eventId: event.id };
    } catch (error) {
      if (deps.isInfrastructureError(error)) throw error;
      const detail = messageOf(error);
      if (attempt >= deps.retry.attempts) {
        deps.logger.error({ err: error, eventId: event.id, type: event.type, attempts: attempt }, 'consumer: handler failed, dead-lettering');
        await deps.deadLetter(record, 'handler-failed', `after ${attempt} attempts: ${detail}`);
        return { kind: 'dead-lettered', reason: 'handler-failed', detail };
      }
      const delay = backoffDelay(attempt, deps.retry);
      deps.logger.warn({ err: error, eventId: event.id, type: event.type, attempt, retryInMs: delay }, 'consumer: handler failed, retrying');
      await deps.heartbeat();
      await sleepWithTicks(delay, deps.heartbeatIntervalMs, deps.heartbeat);
    }
  }
}
