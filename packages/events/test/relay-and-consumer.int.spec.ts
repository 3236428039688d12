import { readTopic } from './support/read-topic';
import { createScratch, eventually, type Scratch } from './support/scratch';

describe('outbox → relay → Kafka → consumer', () => {
  let scratch: Scratch;

  beforeEach(async () => {
    scratch = await createScratch('happy');
  });

  afterEach(async () => {
    await scratch.drop();
  });

  it.each([
    ['in batches', {}],
    ['record by record', { batchHandlers: undefined }],
    ['in batches, the three partitions side by side', { partitionsConsumedConcurrently: 3 }],
  ])('applies each of N events once, in order per key (%s)', async (_mode, overrides) => {
    const items = scratch.newItems(10);
    const relay = scratch.relay({ pollIntervalMs: 1000 });
    const consumer = scratch.consumer(overrides);
    try {
      await relay.start();
      await consumer.ready;
      for (let i = 0; i < 300; i += 1) await scratch.write(items[i % items.length] as string);

      const applied = await eventually(() => scratch.count('SELECT count(*) AS n FROM projection'), (n) => n >= 300);
      expect(applied).toBe(300);
      expect(await scratch.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(300);
      expect(await scratch.count('SELECT count(*) AS n FROM inbox_entry')).toBe(300);
      expect(await scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL')).toBe(0);
      expect(await scratch.appliedInOrder()).toBe(true);
      expect(relay.publishedCount).toBe(300);
      expect(consumer.metrics()).toEqual({ applied: 300, duplicates: 0, skipped: 0, deadLettered: 0 });

      const records = await readTopic(scratch.brokers, scratch.topic);
      expect(records).toHaveLength(300);
      const sample = records[0];
      expect(sample?.key).toBe(JSON.parse(sample?.value ?? '{}').subject);
      expect(Object.keys(sample?.headers ?? {}).sort()).toEqual(
        ['ce_id', 'ce_source', 'ce_specversion', 'ce_subject', 'ce_time', 'ce_type', 'correlationid'].sort(),
      );
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });

  it('with two relays running, publishes each event once and in seq order', async () => {
    const items = scratch.newItems(12);
    const relays = [1, 2].map(
      () =>
        scratch.relay({ pollIntervalMs: 200, batchSize: 7 }),
    );
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      // Sequential writes: commit order is seq order, so every partition must carry its events in seq order.
      for (let i = 0; i < 240; i += 1) await scratch.write(items[i % items.length] as string);
      const unpublished = await eventually(
        () => scratch.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'),
        (n) => n === 0,
      );
      expect(unpublished).toBe(0);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
    expect(relays.map((relay) => relay.publishedCount).reduce((a, b) => a + b)).toBe(240);

    const records = await readTopic(scratch.brokers, scratch.topic);
    expect(records).toHaveLength(240);
    const { rows } = await scratch.pool.query<{ id: string; seq: string }>('SELECT id::text, seq::text FROM outbox_event');
    const seqOf = new Map(rows.map((row) => [row.id, BigInt(row.seq)]));
    const byPartition = new Map<number, bigint[]>();
    for (const record of [...records].sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))) {
      const seq = seqOf.get(record.headers['ce_id'] ?? '');
      expect(seq).toBeDefined();
      byPartition.set(record.partition, [...(byPartition.get(record.partition) ?? []), seq as bigint]);
    }
    for (const seqs of byPartition.values()) {
      expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    expect(new Set(records.map((record) => record.headers['ce_id'])).size).toBe(240);
  });
});
