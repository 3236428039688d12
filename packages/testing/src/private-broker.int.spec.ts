import { describeTopics, verifyRoundTrip, waitForBroker } from '@antt/events';
import { createTestTopics, getTestInfra, recordSharedBroker, startPrivateBroker, uniqueName } from './index';

describe('private broker', () => {
  it('runs beside the shared broker, stops and starts again on its own data, and is gone after destroy', async () => {
    const { kafkaBrokers } = await getTestInfra();
    const shared = await recordSharedBroker();
    const broker = await startPrivateBroker();
    const topic = uniqueName('h1-private-');
    try {
      expect(broker.brokers).not.toEqual(kafkaBrokers);
      await createTestTopics([{ name: topic, partitions: 2 }], { brokers: broker.brokers });
      await expect(describeTopics(kafkaBrokers, [topic])).rejects.toThrow();

      await broker.stop();
      await expect(waitForBroker(broker.brokers, 2_000)).rejects.toThrow();
      await broker.start();

      await expect(describeTopics(broker.brokers, [topic])).resolves.toEqual([
        { name: topic, partitions: 2, retentionMs: -1, cleanupPolicy: 'delete' },
      ]);
      expect(await verifyRoundTrip(broker.brokers, topic)).toBeGreaterThan(0);
    } finally {
      await broker.destroy();
    }
    await expect(waitForBroker(broker.brokers, 2_000)).rejects.toThrow();
    await shared.expectUntouched();
  });

  it('the shared-broker record notices a broker that was restarted, and passes one left alone', async () => {
    const broker = await startPrivateBroker();
    try {
      const before = await recordSharedBroker(broker.brokers);
      expect(before.pid).toEqual(expect.any(Number));
      await expect(before.expectUntouched()).resolves.toBeUndefined();

      await broker.stop();
      await broker.start();
      await expect(before.expectUntouched()).rejects.toThrow(/changed process/);
    } finally {
      await broker.destroy();
    }
  });
});
