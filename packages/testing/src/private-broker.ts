import { startPrivateKafka } from '@antt/infra';
import { getTestInfra } from './get-test-infra';
import { readTestKitSettings } from './settings';
import { removeKafkaContainer, restartKafkaContainer, startKafkaContainer, stopKafkaContainer } from './testcontainers-infra';

/** A Kafka broker that belongs to one test file: the only kind a test may stop, restart or kill. */
export interface PrivateBroker {
  brokers: string[];
  /** Stops the broker, keeping its data (controlled shutdown: SIGTERM, or a container stop). */
  stop(): Promise<void>;
  /** Starts it again on the same data and port, and waits until it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its data; call it in `afterAll`. */
  destroy(): Promise<void>;
}

/**
 * Starts a single-node Kafka broker for one test file, beside the shared one the other tests use (and a developer's
 * running platform may be using). In `local` mode it is a second KRaft broker run by `@antt/infra` from the cached jars
 * (`.local/cache`), with its own data folder under the OS temp folder and free ports for its broker and controller
 * listeners (it needs Java); in `testcontainers` mode a second Kafka container. Prints one line saying which.
 */
export async function startPrivateBroker(): Promise<PrivateBroker> {
  const { mode } = await getTestInfra();
  if (mode === 'testcontainers') {
    const { kafkaImage } = readTestKitSettings();
    const { containerId, brokers } = await startKafkaContainer(kafkaImage);
    process.stdout.write(`[antt/testing] private Kafka: container ${kafkaImage} ${brokers.join(',')}\n`);
    return {
      brokers,
      stop: () => stopKafkaContainer(containerId),
      start: () => restartKafkaContainer(containerId, brokers),
      async destroy() {
        await stopKafkaContainer(containerId).catch(() => undefined);
        await removeKafkaContainer(containerId);
      },
    };
  }
  const kafka = await startPrivateKafka();
  process.stdout.write(`[antt/testing] private Kafka: local KRaft ${kafka.brokers.join(',')} (pid ${await kafka.pid()}, ${kafka.dir})\n`);
  return { brokers: kafka.brokers, stop: kafka.stop, start: kafka.start, destroy: kafka.destroy };
}
