import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { appendToOutbox, buildEnvelope, recordHeaders } from '../src';
import { readTopic } from './support/read-topic';
import { createScratch, eventually, type Scratch } from './support/scratch';

describe('poison events', () => {
  let scratch: Scratch;

  beforeAll(async () => {
    scratch = await createScratch('poison', { partitions: 1, withDeadLetter: true });
  });

  afterAll(async () => {
    await scratch.drop();
  });

  it('go to the dead-letter topic with their reason, and later events on the partition still flow', async () => {
    const [item] = scratch.newItems(1) as [string];
    const valid = buildEnvelope({ contract: scratch.contracts.changed, aggregateId: item, data: { itemId: item, revision: 1, note: 'x' } }, 'h3-poison');
    const violating = { ...valid, id: randomUUID(), data: { itemId: 'not-a-uuid', revision: 0, note: '' } };
    const kafka = new Kafka({ clientId: 'h3-poison-raw', brokers: scratch.brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: scratch.topic,
      acks: -1,
      messages: [
        { key: item, value: JSON.stringify(violating), headers: recordHeaders(violating) },
        { key: item, value: '{"this is": not json' },
      ],
    });
    await producer.disconnect();
    await scratch.transaction(async (tx) => {
      await appendToOutbox(tx, [{ contract: scratch.contracts.rejected, aggregateId: item, data: { itemId: item, revision: 1, note: 'bị từ chối' } }], {
        source: scratch.service,
      });
    });
    for (let i = 0; i < 5; i += 1) await scratch.write(item);

    const relay = scratch.relay();
    const consumer = scratch.consumer({
      handlers: {
        [scratch.contracts.changed.fullType]: scratch.project,
        [scratch.contracts.rejected.fullType]: async () => {
          throw new Error('projection refuses this event');
        },
      },
      retry: { attempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
    });
    try {
      await relay.start();
      await consumer.ready;
      const applied = await eventually(() => scratch.count('SELECT count(*) AS n FROM projection'), (n) => n >= 5);
      expect(applied).toBe(5);
      expect(await scratch.appliedInOrder()).toBe(true);
      expect(consumer.metrics()).toEqual({ applied: 5, duplicates: 0, skipped: 0, deadLettered: 3 });
    } finally {
      await consumer.stop();
      await relay.stop();
    }

    const deadLetters = await readTopic(scratch.brokers, scratch.deadLetterTopic);
    expect(deadLetters).toHaveLength(3);
    const reasons = deadLetters.map((record) => record.headers['dlq_reason'] ?? '');
    expect(reasons[0]).toMatch(/^contract-violation: .*itemId/);
    expect(reasons[1]).toMatch(/^invalid-envelope: value is not JSON/);
    expect(reasons[2]).toBe('handler-failed: after 3 attempts: Error: projection refuses this event');
    expect(deadLetters.map((record) => record.headers['dlq_original_offset'])).toEqual(['0', '1', '2']);
    for (const record of deadLetters) {
      expect(record.key).toBe(item);
      expect(record.headers).toMatchObject({ dlq_original_topic: scratch.topic, dlq_original_partition: '0', dlq_consumer: scratch.groupId });
      expect(Number.isNaN(Date.parse(record.headers['dlq_failed_at'] ?? ''))).toBe(false);
    }
    expect(deadLetters[0]?.value).toBe(JSON.stringify(violating));
    expect(await scratch.count('SELECT count(*) AS n FROM inbox_entry')).toBe(5);
  });

  it('inside a batch: the batch is applied record by record, the poison event is dead-lettered and the others apply once, in order', async () => {
    const own = await createScratch('poison-batch', { partitions: 1, withDeadLetter: true });
    try {
      const [item, other] = own.newItems(2) as [string, string];
      for (let i = 0; i < 10; i += 1) await own.write(item);
      await own.transaction(async (tx) => {
        await appendToOutbox(tx, [{ contract: own.contracts.rejected, aggregateId: other, data: { itemId: other, revision: 1, note: 'độc' } }], {
          source: own.service,
        });
      });
      for (let i = 0; i < 10; i += 1) await own.write(item);
      const relay = own.relay();
      await relay.start();
      try {
        await eventually(() => own.count('SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL'), (n) => n === 0);
      } finally {
        await relay.stop();
      }

      // All 21 records are on the partition before the consumer starts, so they arrive in one batch.
      const consumer = own.consumer({
        handlers: {
          [own.contracts.changed.fullType]: own.project,
          [own.contracts.rejected.fullType]: async () => {
            throw new Error('projection refuses this event');
          },
        },
        retry: { attempts: 2, initialBackoffMs: 50, maxBackoffMs: 100 },
      });
      try {
        await consumer.ready;
        await eventually(() => Promise.resolve(consumer.metrics()), (m) => m.applied + m.deadLettered >= 21);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(consumer.metrics()).toEqual({ applied: 20, duplicates: 0, skipped: 0, deadLettered: 1 });
      } finally {
        await consumer.stop();
      }
      expect(await own.count('SELECT count(*) AS n FROM projection')).toBe(20);
      expect(await own.count('SELECT count(DISTINCT event_id) AS n FROM projection')).toBe(20);
      expect(await own.appliedInOrder()).toBe(true);
      expect(await own.count('SELECT count(*) AS n FROM inbox_entry')).toBe(20);
      const deadLetters = await readTopic(own.brokers, own.deadLetterTopic);
      expect(deadLetters.map((record) => [record.key, record.headers['dlq_reason'], record.headers['dlq_original_offset']])).toEqual([
        [other, 'handler-failed: after 2 attempts: Error: projection refuses this event', '10'],
      ]);
    } finally {
      await own.drop();
    }
  });
});
