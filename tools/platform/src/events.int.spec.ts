import { randomUUID } from 'node:crypto';
import { UnitCreatedV1 } from '@antt/contracts';
import { buildEnvelope, createKafkaClient, deleteConsumerGroups, recordHeaders } from '@antt/events';
import { createIsolatedTopics, createMigratedTestDatabase, getTestInfra, type IsolatedTopics, type TestDatabase, uniqueName } from '@antt/testing';
import { Client } from 'pg';
import { main, type Output } from './events';

/** `npm run events` against the shared test broker, on topics of its own prefix and a group id of its own. */
describe('npm run events (real Kafka and PostgreSQL)', () => {
  let topics: IsolatedTopics;
  let database: TestDatabase;
  let env: Record<string, string>;
  const groupId = uniqueName('events-cli-group');

  function capture(): Output & { lines: string[]; errors: string[] } {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
  }

  beforeAll(async () => {
    const infra = await getTestInfra();
    topics = await createIsolatedTopics();
    database = await createMigratedTestDatabase('evcli_', 'apps/campaigns');
    env = { KAFKA_BROKERS: infra.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: topics.prefix };
    const producer = createKafkaClient({ brokers: infra.kafkaBrokers, clientId: 'events-cli-test', logLevel: 'nothing' }).createProducer();
    await producer.connect();
    try {
      const events = [1, 2, 3].map((n) => {
        const unitId = randomUUID();
        return buildEnvelope({ contract: UnitCreatedV1, aggregateId: unitId, data: { ...UnitCreatedV1.example, unitId, code: `EVCLI-${n}` } }, 'org-units');
      });
      await producer.send([
        ...events.map((envelope) => ({
          topic: `${topics.prefix}org-units.unit`,
          key: envelope.subject,
          value: JSON.stringify(envelope),
          headers: recordHeaders(envelope),
        })),
        { topic: `${topics.prefix}org-units.unit`, key: 'poison', value: '{"not":"an envelope"}', headers: {} },
      ]);
    } finally {
      await producer.disconnect();
    }
  });

  afterAll(async () => {
    await deleteConsumerGroups((env.KAFKA_BROKERS ?? '').split(','), [groupId]).catch(() => undefined);
    await database?.drop();
    await topics?.drop();
  });

  it('tail prints every record with its contract check, and fails when one does not match', async () => {
    const io = capture();
    const code = await main(['tail', 'org-units.unit', '--from-beginning', '--idle-ms', '3000'], env, io);
    const records = io.lines.map((line) => JSON.parse(line) as { valid: boolean; type: string | null; problem?: string; key: string });
    expect(records).toHaveLength(4);
    expect(records.filter((record) => record.valid).map((record) => record.type)).toEqual([
      UnitCreatedV1.fullType,
      UnitCreatedV1.fullType,
      UnitCreatedV1.fullType,
    ]);
    const poison = records.find((record) => !record.valid);
    expect(poison?.key).toBe('poison');
    expect(poison?.problem).toMatch(/envelope/);
    expect(io.errors).toEqual(['4 record(s) read, 1 not matching their contract']);
    expect(code).toBe(1);
  });

  it('tail refuses a topic that is not declared', async () => {
    await expect(main(['tail', 'no.such.topic'], env, capture())).rejects.toThrow(/Name a declared topic/);
  });

  it('lag shows a group that never consumed as behind by the whole log', async () => {
    const io = capture();
    expect(await main(['lag', '--group', 'campaigns.unit-directory', '--group-id', groupId], env, io)).toBe(0);
    expect(io.lines[0]).toBe(`${groupId}: Dead, 0 member(s), lag 4`);
    expect(io.lines.slice(1).every((line) => line.includes(`${topics.prefix}org-units.unit[`))).toBe(true);
  });

  it('replay asks for --yes, then empties the read model and its inbox entries only, and moves the group to the start', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const unitId = randomUUID();
      await client.query(`INSERT INTO directory_unit (unit_id, code, kind, revision) VALUES ($1, 'EVCLI-X', 'COMMUNE', 3)`, [unitId]);
      await client.query(`INSERT INTO directory_unit_version (unit_id, valid_from, name) VALUES ($1, '2024-01-01', 'Xã thử')`, [unitId]);
      await client.query(
        `INSERT INTO directory_unit_lineage (from_unit_id, to_unit_id, effective_date, share, event, revision) VALUES ($1, $2, '2025-07-01', 'WHOLE', 'MERGE', 3)`,
        [unitId, randomUUID()],
      );
      await client.query(`INSERT INTO inbox_entry (consumer, event_id) VALUES ($1, $2), ($1, $3), ('another-group', $4)`, [
        groupId,
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ]);
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);

      const dry = capture();
      expect(await main(['replay', 'campaigns.unit-directory', '--group-id', groupId, '--database-url', database.url], env, dry)).toBe(2);
      expect(dry.lines[0]).toMatch(/^Would empty directory_unit_lineage, directory_unit_version, directory_unit/);
      expect(await count('SELECT count(*) AS n FROM directory_unit')).toBe(1);

      const io = capture();
      expect(await main(['replay', 'campaigns.unit-directory', '--group-id', groupId, '--database-url', database.url, '--yes'], env, io)).toBe(0);
      expect(io.lines[0]).toMatch(/emptied directory_unit_lineage, directory_unit_version, directory_unit and 2 inbox entries/);
      expect(await count('SELECT count(*) AS n FROM directory_unit')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM directory_unit_version')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM directory_unit_lineage')).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM inbox_entry WHERE consumer = 'another-group'`)).toBe(1);

      const lag = capture();
      await main(['lag', '--group', 'campaigns.unit-directory', '--group-id', groupId], env, lag);
      expect(lag.lines[0]).toMatch(/lag 4$/);
      expect(lag.lines.slice(1).every((line) => / committed \d+ /.test(line))).toBe(true);
    } finally {
      await client.end();
    }
  });
});
