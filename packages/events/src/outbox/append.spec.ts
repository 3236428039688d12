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
  it('inserts the events in one statement, in order, then notifies the relay channel', async () => {
    const { tx, calls } = recordingExecutor();
    const envelopes = await appendToOutbox(
      tx,
      [
        { contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example, correlationId: 'req-9' },
        { contract: UnitRenamedV1, aggregateId: UnitRenamedV1.example.unitId, data: UnitRenamedV1.example, causationId: 'cmd-1' },
      ],
      { source: 'org-units' },
    );
    expect(calls).toHaveLength(2);
    expect(calls[0]?.sql).toMatch(/INSERT INTO outbox_event[\s\S]*jsonb_array_elements\(\$1::jsonb\) WITH ORDINALITY[\s\S]*ORDER BY n/);
    const rows = JSON.parse(String(calls[0]?.values[0])) as Array<Record<string, unknown>>;
    expect(rows.map(({ envelope: _envelope, ...row }) => row)).toEqual([
      { id: envelopes[0]?.id, aggregateType: 'Unit', aggregateId: UnitCreatedV1.example.unitId, type: 'org-units.unit.created.v1', topic: 'org-units.unit' },
      { id: envelopes[1]?.id, aggregateType: 'Unit', aggregateId: UnitRenamedV1.example.unitId, type: 'org-units.unit.renamed.v1', topic: 'org-units.unit' },
    ]);
    expect(rows[1]?.['envelope']).toMatchObject({ causationid: 'cmd-1', type: 'org-units.unit.renamed.v1' });
    expect(calls[1]).toEqual({ sql: "SELECT pg_notify($1, '')", values: ['antt_outbox_org_units'] });
  });

  it('splits a long list into batches of 500, keeping the order', async () => {
    const { tx, calls } = recordingExecutor();
    const events = Array.from({ length: 1201 }, () => ({ contract: UnitCreatedV1, aggregateId: UnitCreatedV1.example.unitId, data: UnitCreatedV1.example }));
    const envelopes = await appendToOutbox(tx, events, { source: 'org-units' });
    const batches = calls.slice(0, 3).map((call) => JSON.parse(String(call.values[0])) as Array<{ id: string }>);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
    expect(batches.flat().map((row) => row.id)).toEqual(envelopes.map((e) => e.id));
    expect(calls[3]?.values).toEqual(['antt_outbox_org_units']);
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
