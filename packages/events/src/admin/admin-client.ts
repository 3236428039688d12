import { type Admin, Kafka, logLevel } from 'kafkajs';

/** Creates a connected KafkaJS admin client that stays quiet unless something is wrong. */
export async function connectAdmin(brokers: string[], clientId = 'antt-admin'): Promise<Admin> {
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await admin.connect();
  return admin;
}
