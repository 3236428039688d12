import { type TopicSpec, TOPICS } from '@antt/contracts';
import { ensureTopics, waitForBroker } from '@antt/events';
import { type InfraEnv, readInfraEnv } from './config';
import { databaseUrl, describePostgresUrl } from './database-url';
import { composeUp } from './docker-compose';
import { InfraUnavailableError } from './infra-error';
import { startLocalKafka } from './kafka/local-kafka';
import { infraPaths, type InfraPaths } from './paths';
import { randomBytes } from 'node:crypto';
import { createDatabases } from './postgres/create-databases';
import { ensureServiceRoles, type ServiceRole } from './postgres/service-roles';
import { startEmbeddedPostgres } from './postgres/embedded-postgres';
import { machineProbes } from './probes';
import { probePostgres, waitForPostgres } from './probes/postgres';
import { type Reporter, consoleReporter } from './reporter';
import { type KafkaPlan, type KafkaProbes, resolveKafka } from './resolve-kafka';
import { type PostgresPlan, type PostgresProbes, resolvePostgres } from './resolve-postgres';
import { type RedisPlan, type RedisProbes, resolveRedis } from './resolve-redis';
import { parseHostPort, tcpAnswers } from './probes/tcp';
import { SERVICE_DATABASES, SERVICE_NAMES, type ServiceName } from './service-databases';
import { type InfraState, readInfraState, writeInfraState } from './state';

/** Options of {@link up}; every field has a default for the real machine. */
export interface UpOptions {
  env?: InfraEnv;
  paths?: InfraPaths;
  reporter?: Reporter;
  probes?: PostgresProbes & KafkaProbes & RedisProbes;
  topics?: readonly TopicSpec[];
}

/**
 * Resolves, starts (when needed) and prepares PostgreSQL and Kafka: service databases created, declared topics applied;
 * and Redis for the gateway's shared rate limits when one can be had. Idempotent: what already runs is reused. Writes
 * and returns the resolved state (`.local/infra.json`).
 */
export async function up(options: UpOptions = {}): Promise<InfraState> {
  const env = options.env ?? readInfraEnv();
  const paths = options.paths ?? infraPaths();
  const reporter = options.reporter ?? consoleReporter;
  const probes = options.probes ?? machineProbes(env);

  const postgres = await providePostgres(await resolvePostgres(env.databaseAdminUrl, probes), paths, reporter);
  const databases = await prepareDatabases(postgres.adminUrl, env, reporter, (await readInfraState(paths.stateFile))?.postgres.databases);
  const kafka = await provideKafka(await resolveKafka(env.kafkaBrokers, probes), env, paths, reporter);
  const topics = options.topics ?? TOPICS;
  const applied = await ensureTopics(kafka.brokers, topics, reporter);
  reporter.info(
    `Kafka: ${topics.length} declared topics (${applied.created.length} created, ${applied.reconfigured.length} reconfigured, ${applied.grown.length} grown)`,
  );

  const redis = await provideRedis(await resolveRedis(env.redisUrl, probes), paths, reporter);

  const state: InfraState = {
    postgres: { ...postgres, databases },
    kafka,
    redis,
  };
  await writeInfraState(state, paths.stateFile);
  reporter.info(
    `ready: PostgreSQL ${postgres.source} ${describePostgresUrl(postgres.adminUrl)}; Kafka ${kafka.source} ${kafka.brokers.join(',')}; Redis ${redis.url ? `${redis.source} ${redis.url}` : 'none'}`,
  );
  return state;
}

async function providePostgres(plan: PostgresPlan, paths: InfraPaths, reporter: Reporter): Promise<Omit<InfraState['postgres'], 'databases'>> {
  const where = describePostgresUrl(plan.adminUrl);
  switch (plan.source) {
    case 'env': {
      const probe = await probePostgres(plan.adminUrl, 5_000);
      if (!probe.ok) {
        throw new InfraUnavailableError(`PostgreSQL: DATABASE_ADMIN_URL (${where}) does not accept connections (${probe.reason}); fix or unset it.`);
      }
      reporter.info(`PostgreSQL: using DATABASE_ADMIN_URL (${where})`);
      return { adminUrl: plan.adminUrl, source: 'env', managed: false };
    }
    case 'local':
      reporter.info(`PostgreSQL: using the server on ${where}`);
      return { adminUrl: plan.adminUrl, source: 'local', managed: false };
    case 'docker':
      reporter.info('PostgreSQL: starting the `postgres` service of docker-compose.yml');
      await composeUp(paths.composeFile, 'postgres');
      await waitForPostgres(plan.adminUrl, 60_000);
      return { adminUrl: plan.adminUrl, source: 'docker', managed: true };
    case 'embedded': {
      const running = await probePostgres(plan.adminUrl);
      if (running.ok) reporter.info(`PostgreSQL: embedded server already running on ${where}`);
      else await startEmbeddedPostgres(paths, reporter);
      await waitForPostgres(plan.adminUrl, 30_000);
      return { adminUrl: plan.adminUrl, source: 'embedded', managed: true };
    }
  }
}

/**
 * Creates the missing service databases and each one's own role (named as the database; it owns the database and is the
 * only one, superusers aside, that may connect to it: issue 10, item 7), and returns each service's URL logged in as its
 * role. The role's password: `<SERVICE>_DB_PASSWORD` (e.g. `ORG_UNITS_DB_PASSWORD`) when set, else the one the previous
 * run wrote to `.local/infra.json`, else a new random one. When the admin may not create roles (a managed server whose
 * admin is no superuser) the services keep the admin's URL, and the log says so.
 */
async function prepareDatabases(
  adminUrl: string,
  env: InfraEnv,
  reporter: Reporter,
  previous: Partial<Record<ServiceName, string>> | undefined,
): Promise<Record<ServiceName, string>> {
  const onThisServer = SERVICE_NAMES.filter((service) => env.serviceDatabaseUrls[service] === undefined);
  const created = await createDatabases(
    adminUrl,
    onThisServer.map((service) => SERVICE_DATABASES[service].database),
  );
  reporter.info(
    created.length > 0 ? `PostgreSQL: created databases ${created.join(', ')}` : `PostgreSQL: ${onThisServer.length} service databases present`,
  );
  const roles = new Map<ServiceName, ServiceRole>(
    onThisServer.map((service) => {
      const { database } = SERVICE_DATABASES[service];
      const password = env.serviceDatabasePasswords[service] ?? previousPassword(previous?.[service], database) ?? randomBytes(18).toString('base64url');
      return [service, { role: database, database, password }];
    }),
  );
  let ownRoles = true;
  try {
    await ensureServiceRoles(adminUrl, [...roles.values()]);
    reporter.info(`PostgreSQL: ${roles.size} service roles, each owning its database only`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    ownRoles = false;
    reporter.info('PostgreSQL: the admin may not create roles; the services use the admin URL (no least privilege)');
  }
  return Object.fromEntries(
    SERVICE_NAMES.map((service) => {
      const role = roles.get(service);
      const url = env.serviceDatabaseUrls[service] ?? databaseUrl(adminUrl, SERVICE_DATABASES[service].database);
      return [service, role && ownRoles ? withCredentials(url, role) : url];
    }),
  ) as Record<ServiceName, string>;
}

/** The password of a previous run's URL when it logged in as the service's role. */
function previousPassword(url: string | undefined, role: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.username) === role && parsed.password ? decodeURIComponent(parsed.password) : undefined;
  } catch {
    return undefined;
  }
}

function withCredentials(url: string, { role, password }: ServiceRole): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function provideKafka(plan: KafkaPlan, env: InfraEnv, paths: InfraPaths, reporter: Reporter): Promise<InfraState['kafka']> {
  switch (plan.source) {
    case 'env':
      reporter.info(`Kafka: using KAFKA_BROKERS (${plan.brokers.join(',')})`);
      try {
        await waitForBroker(plan.brokers, 15_000);
      } catch (error) {
        throw new InfraUnavailableError(
          `Kafka: KAFKA_BROKERS (${plan.brokers.join(',')}) did not answer (${error instanceof Error ? error.message : String(error)}); fix or unset it.`,
        );
      }
      return { brokers: plan.brokers, source: 'env', managed: false };
    case 'docker':
      reporter.info('Kafka: starting the `kafka` service of docker-compose.yml');
      await composeUp(paths.composeFile, 'kafka');
      await waitForBroker(plan.brokers, 90_000);
      return { brokers: plan.brokers, source: 'docker', managed: true };
    case 'local': {
      const { pid, reused } = await startLocalKafka({ paths, java: plan.java.command, version: env.kafkaVersion }, reporter);
      reporter.info(`Kafka: local KRaft broker ${reused ? 'already running' : 'started'} (pid ${pid})`);
      return { brokers: plan.brokers, source: 'local', managed: true };
    }
  }
}

async function provideRedis(plan: RedisPlan, paths: InfraPaths, reporter: Reporter): Promise<NonNullable<InfraState['redis']>> {
  switch (plan.source) {
    case 'env': {
      const url = new URL(plan.url);
      const { host, port } = parseHostPort(url.port ? url.host : `${url.hostname}:6379`);
      if (!(await tcpAnswers(host, port, 5_000))) {
        throw new InfraUnavailableError(`Redis: REDIS_URL (${host}:${port}) does not accept connections; fix or unset it.`);
      }
      reporter.info(`Redis: using REDIS_URL (${host}:${port})`);
      return { url: plan.url, source: 'env', managed: false };
    }
    case 'local':
      reporter.info(`Redis: using the server on ${plan.url}`);
      return { url: plan.url, source: 'local', managed: false };
    case 'docker': {
      reporter.info('Redis: starting the `redis` service of docker-compose.yml');
      await composeUp(paths.composeFile, 'redis');
      return { url: plan.url, source: 'docker', managed: true };
    }
    case 'none':
      reporter.info('Redis: none (no REDIS_URL, nothing on 127.0.0.1:6379, no Docker engine); the gateway counts rate limits in its own process');
      return { source: 'none', managed: false };
  }
}
