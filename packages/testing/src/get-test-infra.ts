import { startKafka as startManagedKafka, stopKafka as stopManagedKafka } from '@antt/infra';
import { containerRuntimeReachable } from './container-runtime';
import { useLocalServices } from './local-infra';
import { recallInfra, rememberInfra } from './process-memo';
import { readTestKitSettings } from './settings';
import { type RememberedInfra, type TestInfra } from './test-infra';
import { startContainers, startKafkaContainer, stopKafkaContainer } from './testcontainers-infra';

let current: Promise<TestInfra> | undefined;

/**
 * Real PostgreSQL and Kafka for integration tests, resolved once per Jest worker:
 * `DATABASE_ADMIN_URL` / `KAFKA_BROKERS` when given ('local'); else containers when Testcontainers finds a container
 * runtime ('testcontainers'); else the machine's services resolved by `npm run infra:up` ('local'). Prints one line saying
 * which was used.
 */
export function getTestInfra(): Promise<TestInfra> {
  current ??= resolveTestInfra().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

async function resolveTestInfra(): Promise<TestInfra> {
  const remembered = await recallInfra();
  if (remembered) return withControls(remembered);
  const settings = readTestKitSettings();
  const givenInEnvironment = settings.databaseAdminUrl !== undefined || settings.kafkaBrokers !== undefined;
  const useContainers = !givenInEnvironment && !settings.forceLocal && (await containerRuntimeReachable());
  const resolved = useContainers ? await startContainers(settings) : await useLocalServices(settings);
  await rememberInfra(resolved);
  process.stdout.write(`[antt/testing] ${resolved.description}\n`);
  return withControls(resolved);
}

function withControls(infra: RememberedInfra): TestInfra {
  const control = infra.kafkaControl;
  const controls: Pick<TestInfra, 'stopKafka' | 'startKafka'> =
    control.kind === 'container'
      ? {
          stopKafka: () => stopKafkaContainer(control.containerId),
          startKafka: () => startKafkaContainer(control.containerId, infra.kafkaBrokers),
        }
      : control.kind === 'infra'
        ? { stopKafka: () => stopManagedKafka(), startKafka: () => startManagedKafka() }
        : { stopKafka: () => Promise.reject(new Error(control.reason)), startKafka: () => Promise.reject(new Error(control.reason)) };
  return { postgresAdminUrl: infra.postgresAdminUrl, kafkaBrokers: infra.kafkaBrokers, mode: infra.mode, ...controls };
}
