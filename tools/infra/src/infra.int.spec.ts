import pg from 'pg';
import { existsSync } from 'node:fs';
import { deleteTopics, describeTopics, ensureTopics, verifyRoundTrip, waitForBroker } from '@antt/events';
import { down } from './down';
import { startPrivateKafka } from './kafka/private-kafka';
import { listeningPid } from './probes/listening-pid';
import { type Reporter } from './reporter';
import { SERVICE_DATABASES } from './service-databases';
import { status } from './status';
import { up } from './up';

const lines: string[] = [];
const reporter: Reporter = { info: (line) => lines.push(line) };
const suffix = `${Date.now().toString(36)}`;
const events = { name: `h1-infra-events-${suffix}`, partitions: 2, retentionMs: 3_600_000, cleanupPolicy: 'delete' as const };
const snapshots = { name: `h1-infra-snapshots-${suffix}`, partitions: 1, retentionMs: -1, cleanupPolicy: 'compact' as const };

describe('infra up → status → topics → private broker stop/start → round trip → down', () => {
  let brokerWasRunning = false;
  let brokers: string[] = [];

  beforeAll(async () => {
    brokerWasRunning = (await status()).some((component) => component.component === 'kafka' && component.answers);
  });

  afterAll(async () => {
    if (brokers.length > 0) await deleteTopics(brokers, [events.name, snapshots.name]).catch(() => undefined);
    // Leave a broker that was already serving others running; stop only what this test started.
    if (!brokerWasRunning) await down({ reporter });
  });

  it('up resolves PostgreSQL and Kafka, creates the service databases and writes the state', async () => {
    const state = await up({ reporter });
    brokers = state.kafka.brokers;
    expect(['env', 'local', 'docker', 'embedded']).toContain(state.postgres.source);
    expect(['env', 'docker', 'local']).toContain(state.kafka.source);
    expect(lines.at(-1)).toMatch(/^ready: PostgreSQL \w+ .+; Kafka \w+ .+$/);

    const client = new pg.Client({ connectionString: state.postgres.adminUrl });
    await client.connect();
    try {
      const names = Object.values(SERVICE_DATABASES).map((entry) => entry.database);
      const found = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1::text[])', [names]);
      expect(found.rows.map((row) => row.datname).sort()).toEqual([...names].sort());
    } finally {
      await client.end();
    }
  });

  it('up is idempotent: a second run reuses what runs', async () => {
    lines.length = 0;
    const again = await up({ reporter });
    expect(again.kafka.brokers).toEqual(brokers);
    expect(lines.join('\n')).not.toMatch(/created databases|starting local KRaft/);
  });

  it('status reports every component answering (Redis when the machine has one: it is optional)', async () => {
    const components = await status();
    expect(components.filter((c) => c.component !== 'redis').map((c) => [c.component, c.answers])).toEqual([
      ['postgres', true],
      ['kafka', true],
    ]);
    for (const redis of components.filter((c) => c.component === 'redis')) expect(redis.answers).toBe(true);
  });

  it('ensureTopics creates, then leaves alone, then reconfigures and grows', async () => {
    await expect(ensureTopics(brokers, [events, snapshots])).resolves.toEqual({
      created: [events.name, snapshots.name],
      reconfigured: [],
      grown: [],
      unchanged: [],
    });
    await expect(ensureTopics(brokers, [events, snapshots])).resolves.toEqual({
      created: [],
      reconfigured: [],
      grown: [],
      unchanged: [events.name, snapshots.name],
    });
    const described = await describeTopics(brokers, [events.name, snapshots.name]);
    expect(described.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: events.name, partitions: 2, retentionMs: 3_600_000, cleanupPolicy: 'delete' },
      { name: snapshots.name, partitions: 1, retentionMs: -1, cleanupPolicy: 'compact' },
    ]);

    const changed = { ...events, partitions: 3, retentionMs: 7_200_000 };
    await expect(ensureTopics(brokers, [changed, snapshots])).resolves.toEqual({
      created: [],
      reconfigured: [events.name],
      grown: [events.name],
      unchanged: [snapshots.name],
    });
    await expect(describeTopics(brokers, [events.name])).resolves.toEqual([
      { name: events.name, partitions: 3, retentionMs: 7_200_000, cleanupPolicy: 'delete' },
    ]);
  });

  // The broker `up` resolved may serve a developer's running platform: only a private broker is stopped here.
  it('a private broker stops and starts again on its own data, and the broker up resolved keeps its process', async () => {
    const sharedPort = Number(brokers[0]?.split(':')[1]);
    const sharedPid = await listeningPid(sharedPort);
    const kafka = await startPrivateKafka({ reporter });
    try {
      expect(kafka.brokers).not.toEqual(brokers);
      await ensureTopics(kafka.brokers, [events]);
      await kafka.stop();
      expect(await kafka.pid()).toBeUndefined();
      await expect(waitForBroker(kafka.brokers, 2_000)).rejects.toThrow();

      await kafka.start();
      await expect(describeTopics(kafka.brokers, [events.name])).resolves.toEqual([
        { name: events.name, partitions: 2, retentionMs: 3_600_000, cleanupPolicy: 'delete' },
      ]);
      expect(await verifyRoundTrip(kafka.brokers, events.name)).toBeGreaterThan(0);
    } finally {
      await kafka.destroy();
    }
    expect(existsSync(kafka.dir)).toBe(false);
    expect(await listeningPid(sharedPort)).toBe(sharedPid);
  });

  it('produces and consumes a record on the broker up resolved', async () => {
    const elapsed = await verifyRoundTrip(brokers, events.name);
    expect(elapsed).toBeGreaterThan(0);
  });
});
