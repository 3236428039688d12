import { containerRuntimeReachable } from './container-runtime';
import { useLocalServices } from './local-infra';
import { recallInfra, rememberInfra } from './process-memo';
import { readTestKitSettings } from './settings';
import { type RememberedInfra, type TestInfra } from './test-infra';
import { startContainers } from './testcontainers-infra';

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
  if (remembered) return publicView(remembered);
  const settings = readTestKitSettings();
  const givenInEnvironment = settings.databaseAdminUrl !== undefined || settings.kafkaBrokers !== undefined;
  const useContainers = !givenInEnvironment && !settings.forceLocal && (await containerRuntimeReachable());
  const resolved = useContainers ? await startContainers(settings) : await useLocalServices(settings);
  await rememberInfra(resolved);
  process.stdout.write(`[antt/testing] ${resolved.description}\n`);
  return publicView(resolved);
}

function publicView(infra: RememberedInfra): TestInfra {
  return { postgresAdminUrl: infra.postgresAdminUrl, kafkaBrokers: infra.kafkaBrokers, mode: infra.mode };
}
