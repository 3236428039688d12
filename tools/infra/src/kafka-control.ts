import { waitForBroker } from '@antt/events';
import { readInfraEnv } from './config';
import { composeStart, composeStop } from './docker-compose';
import { startLocalKafka, stopLocalKafka } from './kafka/local-kafka';
import { infraPaths, type InfraPaths } from './paths';
import { findJava } from './probes/java';
import { type Reporter, silentReporter } from './reporter';
import { type InfraState, readInfraState } from './state';

async function managedKafka(paths: InfraPaths): Promise<InfraState['kafka']> {
  const state = await readInfraState(paths.stateFile);
  if (!state) throw new Error('Kafka: `npm run infra:up` has not run, so there is no broker to stop or start.');
  if (!state.kafka.managed) {
    throw new Error(`Kafka: the broker comes from ${state.kafka.source} and is not managed by this tool; it cannot be stopped or started here.`);
  }
  return state.kafka;
}

/** Stops the broker `up` started (local KRaft broker or the compose service), keeping its data. For fault tests. */
export async function stopKafka(options: { paths?: InfraPaths; reporter?: Reporter } = {}): Promise<void> {
  const paths = options.paths ?? infraPaths();
  const kafka = await managedKafka(paths);
  if (kafka.source === 'docker') await composeStop(paths.composeFile, ['kafka']);
  else await stopLocalKafka({ paths }, options.reporter ?? silentReporter);
}

/** Starts again the broker {@link stopKafka} stopped, on the same data, and waits until it is ready. For fault tests. */
export async function startKafka(options: { paths?: InfraPaths; reporter?: Reporter } = {}): Promise<void> {
  const paths = options.paths ?? infraPaths();
  const kafka = await managedKafka(paths);
  if (kafka.source === 'docker') {
    await composeStart(paths.composeFile, 'kafka');
    await waitForBroker(kafka.brokers, 90_000);
    return;
  }
  const env = readInfraEnv();
  const java = await findJava(env.javaHome);
  if (!java) throw new Error('Kafka: `java` was not found to restart the local broker.');
  await startLocalKafka({ paths, java: java.command, version: env.kafkaVersion }, options.reporter ?? silentReporter);
}
