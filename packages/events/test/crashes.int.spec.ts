import { spawn } from 'node:child_process';
import path from 'node:path';
import { type PrivateBroker, recordSharedBroker, type SharedBrokerRecord, startPrivateBroker } from '@antt/testing';
import { readTopic } from './support/read-topic';
import { createScratch, eventually, type Scratch } from './support/scratch';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs the crash fixture and resolves with its output once it was killed. */
function runDoomed(scratch: Scratch, role: 'relay' | 'consumer'): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const config = {
    role,
    databaseUrl: scratch.database.url,
    brokers: scratch.brokers,
    topic: scratch.topic,
    service: scratch.service,
    groupId: scratch.groupId,
    deadLetterTopic: scratch.deadLetterTopic,
  };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/crash-process.ts'), JSON.stringify(config)],
    { cwd: ROOT, env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.base.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${role} process was not killed in time:\n${output}`));
    }, 60_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, output });
    });
  });
}

// Processes are killed in the middle of their work with the broker: on a broker of this file's own, never the shared one.
describe('crashes', () => {
  let shared: SharedBrokerRecord;
  let broker: PrivateBroker;
  let scratch: Scratch;

  beforeAll(async () => {
    shared = await recordSharedBroker();
    broker = await startPrivateBroker();
  });

  afterAll(async () => {
    await broker?.destroy();
    await shared.expectUntouched();
  });

  beforeEach(async () => {
    scratch = await createScratch('crash', { brokers: broker.brokers });
  });

  afterEach(async () => {
    await scratch.drop();
  });

  it('a relay killed after publishing and before marking: duplicates arrive, each is applied once', async () => {
    const items = scratch.newItems(5);
    for (let i = 0; i < 50; i += 1) await scratch.write(items[i % items.length] as string);

    const doomed = await runDoomed(scratch, 'relay');
    expect(doomed.signal).toBe('SIGKILL');
    expect(doomed.output).toContain('killed\n');
    expect(await scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')).toBe(50);

    const relay = scratch.relay();
    const consumer = scratch.consumer();
    try {
      await relay.start();
      await consumer.ready;
      await eventually(() => Promise.resolve(consumer.metrics()), (m) => m.applied + m.duplicates >= 100);
      expect(await scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
    const records = await readTopic(scratch.brokers, scratch.topic);
    expect(records.length).toBe(100);
    expect(records.length).toBeGreaterThan(50);
    expect(consumer.metrics()).toEqual({ applied: 50, duplicates: 50, skipped: 0, deadLettered: 0 });
    expect(await scratch.count('SELECT count(*) AS n FROM projection')).toBe(50);
    expect(await scratch.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(50);
    expect(await scratch.appliedInOrder()).toBe(true);
  });

  it('a consumer killed before committing: its batch is read again and each record applied once', async () => {
    const items = scratch.newItems(4);
    const relay = scratch.relay();
    await relay.start();
    try {
      for (let i = 0; i < 20; i += 1) await scratch.write(items[i % items.length] as string);
      await eventually(() => scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'), (n) => n === 0);
    } finally {
      await relay.stop();
    }

    const doomed = await runDoomed(scratch, 'consumer');
    expect(doomed.signal).toBe('SIGKILL');
    expect(doomed.output).toContain('killed\n');
    // The first batch was applied when the process died: the records of one partition, which may be all 20 when the
    // four keys hash to one partition. Either way its offset was never committed, so it is read again below.
    const appliedBeforeKill = await scratch.count('SELECT count(*) AS n FROM projection');
    expect(appliedBeforeKill).toBeGreaterThanOrEqual(1);
    expect(appliedBeforeKill).toBeLessThanOrEqual(20);

    const consumer = scratch.consumer();
    try {
      await consumer.ready;
      await eventually(() => Promise.resolve(consumer.metrics()), (m) => m.applied + m.duplicates >= 20);
    } finally {
      await consumer.stop();
    }
    expect(consumer.metrics()).toEqual({ applied: 20 - appliedBeforeKill, duplicates: appliedBeforeKill, skipped: 0, deadLettered: 0 });
    expect(await scratch.count('SELECT count(*) AS n FROM projection')).toBe(20);
    expect(await scratch.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(20);
    expect(await scratch.count('SELECT count(*) AS n FROM inbox_entry')).toBe(20);
    expect(await scratch.appliedInOrder()).toBe(true);
  });
});
