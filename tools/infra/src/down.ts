import { composeStop, type ComposeService } from './docker-compose';
import { stopLocalKafka } from './kafka/local-kafka';
import { infraPaths, type InfraPaths } from './paths';
import { stopEmbeddedPostgres } from './postgres/embedded-postgres';
import { type Reporter, consoleReporter } from './reporter';
import { readInfraState } from './state';

/**
 * Stops what `up` started (the embedded PostgreSQL, the local Kafka broker, Docker Compose services, Redis among them), never a server it
 * found running. Data stays, so the next `up` continues where this one left.
 */
export async function down(options: { paths?: InfraPaths; reporter?: Reporter } = {}): Promise<void> {
  const paths = options.paths ?? infraPaths();
  const reporter = options.reporter ?? consoleReporter;
  const state = await readInfraState(paths.stateFile);

  const composeServices: ComposeService[] = [];
  if (state?.kafka.managed && state.kafka.source === 'docker') composeServices.push('kafka');
  if (state?.postgres.managed && state.postgres.source === 'docker') composeServices.push('postgres');
  if (state?.redis?.managed && state.redis.source === 'docker') composeServices.push('redis');
  if (composeServices.length > 0) {
    await composeStop(paths.composeFile, composeServices);
    reporter.info(`Docker Compose: stopped ${composeServices.join(', ')}`);
  }
  // A pid file without a state file (an interrupted `up`) still names a broker this tool started.
  if (!(await stopLocalKafka({ paths }, reporter)) && state?.kafka.source === 'local') {
    reporter.info('Kafka: local broker was not running');
  }
  if (!(await stopEmbeddedPostgres(paths, reporter)) && state?.postgres.source === 'embedded') {
    reporter.info('PostgreSQL: embedded server was not running');
  }
  if (state && !state.kafka.managed) reporter.info(`Kafka: ${state.kafka.source} broker left alone (not started by this tool)`);
  if (state && !state.postgres.managed) reporter.info(`PostgreSQL: ${state.postgres.source} server left alone (not started by this tool)`);
  if (state?.redis?.url && !state.redis.managed) reporter.info(`Redis: ${state.redis.source} server left alone (not started by this tool)`);
}
