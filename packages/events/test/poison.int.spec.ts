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
});
