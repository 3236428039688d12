import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Broker smoke check: produces one record (idempotent producer, acks from all in-sync replicas) to an existing topic and
 * reads it back through a throwaway consumer group. Resolves with the round-trip time in milliseconds.
 */
export async function verifyRoundTrip(brokers: string[], topic: string, timeoutMs = 30_000): Promise<number> {
  const kafka = new Kafka({ clientId: 'antt-smoke', brokers, logLevel: logLevel.NOTHING });
  const marker = randomUUID();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `antt-smoke-${marker}`, allowAutoTopicCreation: false });
  const started = Date.now();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no round trip through ${topic} within ${timeoutMs} ms`)), timeoutMs);
      void consumer
        .run({
          eachMessage: async ({ message }) => {
            if (message.key?.toString() === marker) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: marker, value: JSON.stringify({ marker }) }] });
    await received;
    return Date.now() - started;
  } finally {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
  }
}
