import { UnitCreatedV1, UnitRenamedV1 } from '@antt/contracts';
import { ContractViolation } from '../errors';
import { type SqlExecutor } from '../sql';
import { appendToOutbox } from './append';

function recordingExecutor() {
  const calls: Array<{ sql: string; values: unknown[] }> = [];
  const tx: SqlExecutor = {
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => {
      calls.push({ sql, values });
      return 1;
    },
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => {
      calls.push({ sql, values });
      return [] as T;
    },
  };
  return { tx, calls };
}

describe('appendToOutbox', () => {
  it('inserts one row per event then notifies the relay channel', async () => {
    const { tx, calls } = recordingExecutor();
    const envelopes = await appendToOutbox(
      tx,
      [
        { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example, correlationId: 'req-9' },
        { contract: UnitRenamedV1, aggregateId: UnitRenamedV1.example.unitId, data: UnitRenamedV1.example, causationId: 'cmd-1' },
      ],
      { source: 'org-units' },
    );
    expect(calls).toHaveLength(3);
    expect(calls[0]?.sql).toMatch(/INSERT INTO outbox_event/);
    expect(calls[0]?.values.slice(0, 5)).toEqual([envelopes[0]?.id, 'Unit', UnitCreatedV1.example.unitId, 'org-units.unit.created.v1', 'org-units.unit']);
    expect(JSON.parse(String(calls[1]?.values[5]))).toMatchObject({ causationid: 'cmd-1', type: 'org-units.unit.renamed.v1' });
    expect(calls[2]).toEqual({ sql: "SELECT pg_notify($1, '')", values: ['antt_outbox_org_units'] });
  });

  it('writes nothing when any payload violates its contract', async () => {
    const { tx, calls } = recordingExecutor();
    const bad = { ...UnitRenamedV1.example, revision: 0 };
    await expect(
      appendToOutbox(
        tx,
        [
          { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example },
          { contract: UnitRenamedV1, aggregateId: UnitRenamedV1.example.unitId, data: bad },
        ],
        { source: 'org-units' },
      ),
    ).rejects.toThrow(ContractViolation);
    expect(calls).toHaveLength(0);
  });

  it('does not notify for an empty list', async () => {
    const { tx, calls } = recordingExecutor();
    await appendToOutbox(tx, [], { source: 'org-units' });
    expect(calls).toHaveLength(0);
  });
});
