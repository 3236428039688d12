import { UnitCreatedV1 } from '@antt/contracts';
import { buildEnvelope } from '../envelope';
import { silentLogger } from '../logger';
import { type SqlExecutor } from '../sql';
import { deadLetterHeaders, type IncomingRecord } from './dead-letter';
import { isInfrastructureError } from './infrastructure-error';
import { type EventHandler, processRecord, type ProcessRecordDeps } from './process-record';

/** An in-memory stand-in for a database with an inbox: a transaction's writes are kept only when it resolves. */
function fakeDatabase() {
  const inbox = new Set<string>();
  const applied: string[] = [];
  const transaction = async <T>(fn: (tx: SqlExecutor & { applied: string[] }) => Promise<T>): Promise<T> => {
    const pendingInbox: string[] = [];
    const pendingApplied: string[] = [];
    const tx = {
      applied: pendingApplied,
      $executeRawUnsafe: async (_sql: string, consumer: unknown, eventId: unknown) => {
        const key = `${String(consumer)}/${String(eventId)}`;
        if (inbox.has(key) || pendingInbox.includes(key)) return 0;
        pendingInbox.push(key);
        return 1;
      },
      $queryRawUnsafe: async <R>() => [] as R,
    };
    const result = await fn(tx);
    pendingInbox.forEach((key) => inbox.add(key));
    applied.push(...pendingApplied);
    return result;
  };
  return { inbox, applied, transaction };
}

function recordOf(value: unknown, offset = '7'): IncomingRecord {
  return {
    topic: 'h3-topic',
    partition: 2,
    offset,
    key: Buffer.from('k'),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: { ce_type: 'x' },
  };
}

const event = buildEnvelope({ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }, 'org-units');

function depsWith(handler: EventHandler<SqlExecutor & { applied: string[] }>, attempts = 3) {
  const db = fakeDatabase();
  const deadLetters: Array<{ kind: string; detail: string }> = [];
  const heartbeat = jest.fn(async () => undefined);
  const deps: ProcessRecordDeps<SqlExecutor & { applied: string[] }> = {
    consumer: 'h3-group',
    handlers: new Map([[UnitCreatedV1.fullType, { contract: UnitCreatedV1, handler }]]),
    transaction: db.transaction,
    retry: { attempts, initialBackoffMs: 1, maxBackoffMs: 4 },
    logger: silentLogger,
    heartbeat,
    heartbeatIntervalMs: 1000,
    deadLetter: async (_record, kind, detail) => {
      deadLetters.push({ kind, detail });
    },
    isInfrastructureError,
  };
  return { deps, db, deadLetters, heartbeat };
}

describe('processRecord', () => {
  it('applies an event once, whatever the redeliveries', async () => {
    const { deps, db } = depsWith(async (e, tx) => {
      tx.applied.push(e.id);
    });
    expect(await processRecord(recordOf(event), deps)).toMatchObject({ kind: 'applied', attempts: 1 });
    expect(await processRecord(recordOf(event, '8'), deps)).toEqual({ kind: 'duplicate', eventId: event.id });
    expect(db.applied).toEqual([event.id]);
  });

  it('dead-letters an unparseable envelope and a payload that violates its contract', async () => {
    const { deps, deadLetters } = depsWith(async () => undefined);
    expect(await processRecord(recordOf('{oops'), deps)).toMatchObject({ kind: 'dead-lettered', reason: 'invalid-envelope' });
    const poisoned = { ...event, data: { ...event.data, kind: 'VILLAGE' } };
    expect(await processRecord(recordOf(poisoned), deps)).toMatchObject({ kind: 'dead-lettered', reason: 'contract-violation' });
    expect(deadLetters.map((d) => d.kind)).toEqual(['invalid-envelope', 'contract-violation']);
    expect(deadLetters[1]?.detail).toMatch(/kind/);
  });

  it('skips types it has no handler for', async () => {
    const { deps, deadLetters } = depsWith(async () => undefined);
    const other = { ...event, type: 'org-units.unit.renamed.v1' };
    expect(await processRecord(recordOf(other), deps)).toEqual({ kind: 'skipped', type: 'org-units.unit.renamed.v1' });
    expect(deadLetters).toHaveLength(0);
  });

  it('retries a failing handler with heartbeats and rolls back each attempt', async () => {
    let calls = 0;
    const { deps, db, heartbeat } = depsWith(async (e, tx) => {
      calls += 1;
      tx.applied.push(e.id);
      if (calls < 3) throw new Error('projection not ready');
    });
    expect(await processRecord(recordOf(event), deps)).toMatchObject({ kind: 'applied', attempts: 3 });
    expect(db.applied).toEqual([event.id]);
    expect(heartbeat).toHaveBeenCalled();
  });

  it('dead-letters after the last attempt and leaves no inbox row', async () => {
    const { deps, db, deadLetters } = depsWith(async () => {
      throw new Error('always broken');
    }, 2);
    expect(await processRecord(recordOf(event), deps)).toMatchObject({ kind: 'dead-lettered', reason: 'handler-failed' });
    expect(deadLetters[0]?.detail).toBe('after 2 attempts: Error: always broken');
    expect(db.inbox.size).toBe(0);
  });

  it('rethrows infrastructure failures instead of dead-lettering', async () => {
    const { deps, deadLetters } = depsWith(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    await expect(processRecord(recordOf(event), deps)).rejects.toThrow(/ECONNREFUSED/);
    expect(deadLetters).toHaveLength(0);
  });
});

describe('deadLetterHeaders', () => {
  it('keeps the original headers and adds where and why', () => {
    const headers = deadLetterHeaders(recordOf('x'), 'h3-group', 'handler-failed', 'boom', new Date('2025-01-02T03:04:05.000Z'));
    expect(headers).toEqual({
      ce_type: 'x',
      dlq_reason: 'handler-failed: boom',
      dlq_original_topic: 'h3-topic',
      dlq_original_partition: '2',
      dlq_original_offset: '7',
      dlq_consumer: 'h3-group',
      dlq_failed_at: '2025-01-02T03:04:05.000Z',
    });
  });
});
