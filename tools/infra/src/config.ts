import { SERVICE_DATABASES, type ServiceName } from './service-databases';

/** What the infrastructure tool reads from the environment; read once, here. */
export interface InfraEnv {
  /** Admin URL of a PostgreSQL server to use as is (`DATABASE_ADMIN_URL`). */
  databaseAdminUrl: string | undefined;
  /** Per-service database URLs that override the one derived from the admin URL (`ORG_UNITS_DATABASE_URL`, ...). */
  serviceDatabaseUrls: Partial<Record<ServiceName, string>>;
  /** Passwords of the services' own roles (`ORG_UNITS_DB_PASSWORD`, …); a random one kept in `.local/infra.json` otherwise. */
  serviceDatabasePasswords: Partial<Record<ServiceName, string>>;
  /** Brokers to use as is (`KAFKA_BROKERS`, comma separated). */
  kafkaBrokers: string[] | undefined;
  /** Kafka version fetched from Maven Central for the local broker (`KAFKA_VERSION`). */
  kafkaVersion: string;
  /** `JAVA_HOME`, preferred over `java` on the PATH. */
  javaHome: string | undefined;
  /** Redis to use as is (`REDIS_URL`), for the gateway's shared rate limits. */
  redisUrl: string | undefined;
}

/** Reads the environment (defaults to `process.env`). */
export function readInfraEnv(env: NodeJS.ProcessEnv = process.env): InfraEnv {
  const serviceDatabaseUrls: Partial<Record<ServiceName, string>> = {};
  const serviceDatabasePasswords: Partial<Record<ServiceName, string>> = {};
  for (const [service, { urlEnv }] of Object.entries(SERVICE_DATABASES) as Array<[ServiceName, { urlEnv: string }]>) {
    const value = nonEmpty(env[urlEnv]);
    if (value) serviceDatabaseUrls[service] = value;
    const password = nonEmpty(env[urlEnv.replace(/_DATABASE_URL$/, '_DB_PASSWORD')]);
    if (password) serviceDatabasePasswords[service] = password;
  }
  const brokers = nonEmpty(env['KAFKA_BROKERS'])
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  return {
    databaseAdminUrl: nonEmpty(env['DATABASE_ADMIN_URL']),
    serviceDatabaseUrls,
    serviceDatabasePasswords,
    kafkaBrokers: brokers && brokers.length > 0 ? brokers : undefined,
    kafkaVersion: nonEmpty(env['KAFKA_VERSION']) ?? '4.1.1',
    javaHome: nonEmpty(env['JAVA_HOME']),
    redisUrl: nonEmpty(env['REDIS_URL']),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
