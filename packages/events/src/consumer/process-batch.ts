import { type EventEnvelope, parseEnvelope, validatePayload } from '../envelope';
import { ContractViolation } from '../errors';
import { type SqlExecutor } from '../sql';
import { withConsumerSpan } from './consumer-span';
import { type IncomingRecord } from './dead-letter';
import { processRecord, type ProcessRecordDeps, type RecordOutcome } from './process-record';

/**
 * Applies several events inside the consumer's transaction, in the order given (partition order). Throwing rolls the
 * whole batch back; the runner then applies the batch record by record with the per-record handlers.
 */
export type BatchEventHandler<TTx extends SqlExecutor = SqlExecutor> = (events: readonly EventEnvelope[], tx: TTx) => Promise<void>;

/** What {@link processBatch} needs besides {@link ProcessRecordDeps}. */
export interface ProcessBatchDeps<TTx extends SqlExecutor> extends ProcessRecordDeps<TTx> {
  /** Batch handlers by full event type; types without one are applied with their per-record handler. */
  readonly batchHandlers: ReadonlyMap<string, BatchEventHandler<TTx>>;
}

// One statement for the whole batch: the ids returned are the events this consumer has not applied yet.
const INSERT_INBOX_BATCH = `INSERT INTO inbox_entry (consumer, event_id)
  SELECT $1, id FROM unnest($2::uuid[]) AS t(id)
  ON CONFLICT DO NOTHING
  RETURNING event_id::text AS event_id`;

// A batch's statements are short, but the planner's estimates for a read model filling from empty (statistics taken when
// it was small) can pass jit_above_cost, and compiling then costs far more than the statement (measured: 376 ms before
// a 16 ms statement). Off for the batch's transaction only.
const NO_JIT = `SET LOCAL jit = off`;

type Classified = { readonly kind: 'event'; readonly event: EventEnvelope } | { readonly kind: 'skipped'; readonly type: string };

/** Parses and validates a record; undefined when it must be dead-lettered (left to {@link processRecord}). */
function classify<TTx extends SqlExecutor>(record: IncomingRecord, deps: ProcessBatchDeps<TTx>): Classified | undefined {
  try {
    const envelope = parseEnvelope(record.value);
    const route = deps.handlers.get(envelope.type);
    if (!route) return { kind: 'skipped', type: envelope.type };
    return { kind: 'event', event: { ...envelope, data: validatePayload(route.contract, envelope.data) } };
  } catch (error) {
    if (error instanceof ContractViolation) return undefined;
    throw error;
  }
}

/** Applies `events` in order: consecutive events sharing one batch handler in one call, the others one by one. */
async function applyInOrder<TTx extends SqlExecutor>(events: readonly EventEnvelope[], tx: TTx, deps: ProcessBatchDeps<TTx>): Promise<void> {
  let start = 0;
  while (start < events.length) {
    const first = events[start] as EventEnvelope;
    const batchHandler = deps.batchHandlers.get(first.type);
    if (!batchHandler) {
      const route = deps.handlers.get(first.type);
      if (route) await route.handler(first, tx);
      start += 1;
      continue;
    }
    let end = start + 1;
    while (end < events.length && deps.batchHandlers.get((events[end] as EventEnvelope).type) === batchHandler) end += 1;
    await batchHandler(events.slice(start, end), tx);
    start = end;
  }
}

/**
 * Applies the records of one partition's batch in one transaction: one statement writes the inbox rows of the whole
 * batch and returns the events not applied before, which the handlers then apply in partition order. A batch holding
 * a record that must be dead-lettered, or whose transaction fails for a reason other than infrastructure, is applied
 * record by record with {@link processRecord} instead (its own retries and dead letters), so a poison record neither
 * blocks the others nor gets them applied twice: the failed batch transaction left nothing behind. Infrastructure
 * failures are rethrown, and the batch stays uncommitted. Outcomes are in record order. The batch runs in one consumer
 * span linked to the producers' spans of its records (`traceparent` headers).
 */
export function processBatch<TTx extends SqlExecutor>(records: readonly IncomingRecord[], deps: ProcessBatchDeps<TTx>): Promise<RecordOutcome[]> {
  return withConsumerSpan(records, deps.consumer, () => applyBatch(records, deps), (outcomes) => summarize(outcomes));
}

function summarize(outcomes: readonly RecordOutcome[]): string {
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  return kinds.length === 1 ? String(kinds[0]) : 'mixed';
}

async function applyBatch<TTx extends SqlExecutor>(records: readonly IncomingRecord[], deps: ProcessBatchDeps<TTx>): Promise<RecordOutcome[]> {
  const classified = records.map((record) => classify(record, deps));
  if (classified.every((entry): entry is Classified => entry !== undefined)) {
    const events = classified.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));
    try {
      const fresh = events.length === 0 ? new Set<string>() : await deps.transaction(async (tx) => {
        await tx.$executeRawUnsafe(NO_JIT);
        const ids = [...new Set(events.map((event) => event.id))];
        const rows = await tx.$queryRawUnsafe<Array<{ event_id: string }>>(INSERT_INBOX_BATCH, deps.consumer, ids);
        const inserted = new Set(rows.map((row) => row.event_id.toLowerCase()));
        const seen = new Set<string>();
        const toApply = events.filter((event) => {
          const id = event.id.toLowerCase();
          if (!inserted.has(id) || seen.has(id)) return false;
          seen.add(id);
          return true;
        });
        await applyInOrder(toApply, tx, deps);
        return seen;
      });
      const counted = new Set<string>();
      return classified.map((entry): RecordOutcome => {
        if (entry.kind === 'skipped') return entry;
        const id = entry.event.id.toLowerCase();
        if (fresh.has(id) && !counted.has(id)) {
          counted.add(id);
          return { kind: 'applied', eventId: entry.event.id, attempts: 1 };
        }
        return { kind: 'duplicate', eventId: entry.event.id };
      });
    } catch (error) {
      if (deps.isInfrastructureError(error)) throw error;
      deps.logger.warn({ err: error, records: records.length }, 'consumer: batch failed, applying its records one by one');
    }
  }
  const outcomes: RecordOutcome[] = [];
  for (const record of records) {
    outcomes.push(await processRecord(record, deps));
    await deps.heartbeat();
  }
  return outcomes;
}
