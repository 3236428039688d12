import net from 'node:net';
import { databaseUrl } from '@antt/infra';
import { waitForBroker } from '@antt/events';
import { KAFKA_CONTAINER_PORT, kafkaContainerEnvironment } from './kafka-container-env';
import { type TestKitSettings } from './settings';
import { type RememberedInfra } from './test-infra';

/**
 * Starts PostgreSQL (`@testcontainers/postgresql`) and an `apache/kafka` broker as containers.
 */
export async function startContainers(settings: TestKitSettings): Promise<RememberedInfra> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer(settings.postgresImage).withUsername('postgres').withPassword('postgres').start(),
    startKafkaContainer(settings.kafkaImage),
  ]);
  const postgresAdminUrl = databaseUrl(postgres.getConnectionUri(), 'postgres');
  return {
    postgresAdminUrl,
    kafkaBrokers: kafka.brokers,
    mode: 'testcontainers',
    description: `PostgreSQL: container ${settings.postgresImage} ${postgres.getHost()}:${postgres.getPort()}; Kafka: container ${settings.kafkaImage} ${kafka.brokers.join(',')}`,
  };
}

/** A Kafka container the kit started: its id and brokers. */
export interface KafkaContainer {
  containerId: string;
  brokers: string[];
}

/**
 * Starts an `apache/kafka` container and waits for the broker. Its published port is chosen up front so that the
 * advertised listener is right and survives a container stop and start.
 */
export async function startKafkaContainer(image: string): Promise<KafkaContainer> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  const port = await freePort();
  const container = await new GenericContainer(image)
    .withEnvironment(kafkaContainerEnvironment(host, port))
    .withExposedPorts({ container: KAFKA_CONTAINER_PORT, host: port })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  const brokers = [`${host}:${port}`];
  await waitForBroker(brokers, 60_000);
  return { containerId: container.getId(), brokers };
}

/** Stops a Kafka container (kept, with its data). */
export async function stopKafkaContainer(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  await client.container.stop(client.container.getById(containerId), { timeout: 30 });
}

/** Starts a stopped Kafka container again and waits for the broker. */
export async function restartKafkaContainer(containerId: string, brokers: string[]): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  await client.container.start(client.container.getById(containerId));
  await waitForBroker(brokers, 90_000);
}

/** Removes a Kafka container, running or stopped, with its volumes. */
export async function removeKafkaContainer(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  await client.container.remove(client.container.getById(containerId), { removeVolumes: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
