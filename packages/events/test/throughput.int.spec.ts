import { createScratch, eventually, type Scratch } from './support/scratch';

/**
 * Measurement, not a timed assertion: publishes N events on 3 partitions first, then times one consumer draining
 * them, and prints the rate. It asserts correctness only (each event applied once, in order per key).
 * Run: npx jest -c packages/events/jest.integration.config.cjs packages/events/test/throughput.int.spec.ts
 */
const N = Number(process.env['H3_THROUGHPUT_EVENTS'] ?? 3000);

describe('consumer throughput (measurement)', () => {
  let scratch: Scratch;

  beforeEach(async () => {
    scratch = await createScratch('rate', { partitions: 3 });
  });

  afterEach(async () => {
    await scratch.drop();
  });

  it(`applies ${N} events once, in order per key, and prints the rate`, async () => {
    const items = scratch.newItems(30);
    for (let i = 0; i < N; i += 1) await scratch.write(items[i % items.length] as string);
    const relay = scratch.relay({ pollIntervalMs: 200 });
    await relay.start();
    try {
      await eventually(() => scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'), (n) => n === 0, 120_000);
    } finally {
      await relay.stop();
    }

    const consumer = scratch.consumer();
    const started = Date.now();
    let drained = 0;
    let joined = 0;
    try {
      await consumer.ready;
      joined = Date.now() - started;
      await eventually(() => Promise.resolve(consumer.metrics()), (m) => m.applied >= N, 240_000);
      drained = Date.now() - started;
    } finally {
      await consumer.stop();
    }
    const rate = Math.round((N * 1000) / drained);
    const afterJoin = Math.round((N * 1000) / Math.max(1, drained - joined));
    process.stdout.write(
      `consumer throughput: ${N} events on 3 partitions in ${drained} ms = ${rate} events/s (group join ${joined} ms; ${afterJoin} events/s after it)\n`,
    );

    expect(consumer.metrics()).toEqual({ applied: N, duplicates: 0, skipped: 0, deadLettered: 0 });
    expect(await scratch.count('SELECT count(*) AS n FROM projection')).toBe(N);
    expect(await scratch.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(N);
    expect(await scratch.appliedInOrder()).toBe(true);
  }, 600_000);
});
