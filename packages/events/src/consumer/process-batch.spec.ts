import { UnitCreatedV1, UnitRenamedV1 } from '@antt/contracts';
import { buildEnvelope, type EventEnvelope } from '../envelope';
import { silentLogger } from '../logger';
import { type SqlExecutor } from '../sql';
import { type IncomingRecord } from './dead-letter';
import { isInfrastructureError } from './infrastructure-error';
import { type BatchEventHandler, processBatch, type ProcessBatchDeps } from './process-batch';
import { type EventHandler } from './process-record';

type Tx = SqlExecutor & { applied: string[] };

/** An in-memory database with an inbox, answering both the per-record and the batch inbox statements. */
function fakeDatabase() {
  const inbox = new Set<string>();
  const applied: string[] = [];
  let transactions = 0;
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    transactions += 1;
    const pendingInbox: string[] = [];
    const pendingApplied: string[] = [];
    const fresh = (key: string) => !inbox.has(key) && !pendingInbox.includes(key);
    const tx: Tx = {
      applied: pendingApplied,
      $executeRawUnsafe: async (_sql: string, consumer: unknown, eventId: unknown) => {
        const key = `${String(consumer)}/${String(eventId)}`;
        if (!fresh(key)) return 0;
        pendingInbox.push(key);
        return 1;
      },
      $queryRawUnsafe: async <R>(_sql: string, consumer: unknown, ids: unknown) => {
        const inserted = (ids as string[]).filter((id) => {
          const key = `${String(consumer)}/${id}`;
          if (!fresh(key)) return false;
          pendingInbox.push(key);
          return true;
        });
        return inserted.map((id) => ({ event_id: id })) as R;
      },
    };
    const result = await fn(tx);
    pendingInbox.forEach((key) => inbox.add(key));
    applied.push(...pendingApplied);
    return result;
  };
  return { inbox, applied, transaction, transactions: () => transactions };
}

const created = (name: string) =>
  buildEnvelope(
    { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: { ...UnitCreatedV1.example, code: name } },
    'org-units',
  );
const renamed = () => buildEnvelope({ contract: UnitRenamedV1, aggregateId: UnitRenamedV1.example.unitId, data: UnitRenamedV1.example }, 'org-units');

function recordsOf(values: ReadonlyArray<EventEnvelope | string>): IncomingRecord[] {
  return values.map((value, offset) => ({
    topic: 'h3-topic',
    partition: 0,
    offset: String(offset),
    key: Buffer.from('k'),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: {},
  }));
}

function depsWith(options: { single: EventHandler<Tx>; batch: BatchEventHandler<Tx>; renamed?: EventHandler<Tx> }) {
  const db = fakeDatabase();
  const deadLetters: Array<{ offset: string; kind: string }> = [];
  const batchCalls: string[][] = [];
  const deps: ProcessBatchDeps<Tx> = {
    consumer: 'h3-group',
    handlers: new Map([
      [UnitCreatedV1.fullType, { contract: UnitCreatedV1, handler: options.single }],
      [UnitRenamedV1.fullType, { contract: UnitRenamedV1, handler: options.renamed ?? options.single }],
    ]),
    batchHandlers: new Map([
      [
        UnitCreatedV1.fullType,
        async (events, tx) => {
          batchCalls.push(events.map((e) => e.id));
          await options.batch(events, tx);
        },
      ],
    ]),
    transaction: db.transaction,
    retry: { attempts: 2, initialBackoffMs: 1, maxBackoffMs: 2 },
    logger: silentLogger,
    heartbeat: async () => undefined,
    heartbeatIntervalMs: 1000,
    deadLetter: async (record, kind) => {
      deadLetters.push({ offset: record.offset, kind });
    },
    isInfrastructureError,
  };
  return { deps, db, deadLetters, batchCalls };
}

const applyOne: EventHandler<Tx> = async (event, tx) => {
  tx.applied.push(event.id);
};
const applyAll: BatchEventHandler<Tx> = async (events, tx) => {
  tx.applied.push(...events.map((event) => event.id));
};

describe('processBatch', () => {
  it('applies a batch in one transaction, in order, runs of batch-handled types in one call, and each event once', async () => {
    const [a, b, r, c] = [created('A'), created('B'), renamed(), created('C')];
    const { deps, db, batchCalls } = depsWith({ single: applyOne, batch: applyAll });
    const outcomes = await processBatch(recordsOf([a, b, r, c, a]), deps);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'applied', 'applied', 'applied', 'duplicate']);
    expect(db.transactions()).toBe(1);
    expect(db.applied).toEqual([a.id, b.id, r.id, c.id]);
    expect(batchCalls).toEqual([[a.id, b.id], [c.id]]);

    expect((await processBatch(recordsOf([b, c]), deps)).map((o) => o.kind)).toEqual(['duplicate', 'duplicate']);
    expect(db.applied).toHaveLength(4);
  });

  it('falls back to record by record when a handler fails: the poison event is dead-lettered, the others apply once', async () => {
    const [a, r, c] = [created('A'), renamed(), created('C')];
    const { deps, db, deadLetters } = depsWith({
      single: applyOne,
      batch: applyAll,
      renamed: async () => {
        throw new Error('refused');
      },
    });
    const outcomes = await processBatch(recordsOf([a, r, c]), deps);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(db.applied).toEqual([a.id, c.id]);
    expect(deadLetters).toEqual([{ offset: '1', kind: 'handler-failed' }]);
    expect(db.inbox.size).toBe(2);
  });

  it('applies record by record a batch holding an invalid record, without opening a batch transaction', async () => {
    const [a, c] = [created('A'), created('C')];
    const { deps, db, deadLetters, batchCalls } = depsWith({ single: applyOne, batch: applyAll });
    const outcomes = await processBatch(recordsOf([a, '{oops', c]), deps);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(db.applied).toEqual([a.id, c.id]);
    expect(deadLetters).toEqual([{ offset: '1', kind: 'invalid-envelope' }]);
    expect(batchCalls).toEqual([]);
  });

  it('rethrows infrastructure failures and applies nothing', async () => {
    const { deps, db, deadLetters } = depsWith({
      single: applyOne,
      batch: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    });
    await expect(processBatch(recordsOf([created('A')]), deps)).rejects.toThrow(/ECONNREFUSED/);
    expect(db.applied).toEqual([]);
    expect(db.inbox.size).toBe(0);
    expect(deadLetters).toEqual([]);
  });
});
