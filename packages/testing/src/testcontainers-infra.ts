import net from 'node:net';
import { databaseUrl } from '@antt/infra';
import { waitForBroker } from '@antt/events';
import { KAFKA_CONTAINER_PORT, kafkaContainerEnvironment } from './kafka-container-env';
import { type TestKitSettings } from './settings';
import { type RememberedInfra } from './test-infra';

/**
 * Starts PostgreSQL (`@testcontainers/postgresql`) and an `apache/kafka` broker as containers. Kafka's published port is
 * chosen up front so that the advertised listener is right and survives a container stop and start.
 */
export async function startContainers(settings: TestKitSettings): Promise<RememberedInfra> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const client = await getContainerRuntimeClient();
  const host = client.info.containerRuntime.host;
  const kafkaPort = await freePort();

  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer(settings.postgresImage).withUsername('postgres').withPassword('postgres').start(),
    new GenericContainer(settings.kafkaImage)
      .withEnvironment(kafkaContainerEnvironment(host, kafkaPort))
      .withExposedPorts({ container: KAFKA_CONTAINER_PORT, host: kafkaPort })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .withStartupTimeout(120_000)
      .start(),
  ]);
  const kafkaBrokers = [`${host}:${kafkaPort}`];
  await waitForBroker(kafkaBrokers, 60_000);
  const postgresAdminUrl = databaseUrl(postgres.getConnectionUri(), 'postgres');
  return {
    postgresAdminUrl,
    kafkaBrokers,
    mode: 'testcontainers',
    kafkaControl: { kind: 'container', containerId: kafka.getId() },
    description: `PostgreSQL: container ${settings.postgresImage} ${postgres.getHost()}:${postgres.getPort()}; Kafka: container ${settings.kafkaImage} ${kafkaBrokers.join(',')}`,
  };
}

/** Stops the Kafka container (kept, with its data). */
export async function stopKafkaContainer(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  await client.container.stop(client.container.getById(containerId), { timeout: 30 });
}

/** Starts the stopped Kafka container again and waits for the broker. */
export async function startKafkaContainer(containerId: string, brokers: string[]): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  await client.container.start(client.container.getById(containerId));
  await waitForBroker(brokers, 90_000);
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
