export { readInfraEnv, type InfraEnv } from './config';
export { databaseUrl, describePostgresUrl } from './database-url';
export { down } from './down';
export { InfraUnavailableError } from './infra-error';
export { startPrivateKafka, type PrivateKafka, type PrivateKafkaOptions } from './kafka/private-kafka';
export { runningLocalKafkaPid } from './kafka/local-kafka';
export { listeningPid } from './probes/listening-pid';
export { renderServerProperties, type BrokerSettings } from './kafka/server-properties';
export { infraPaths, REPO_ROOT, type InfraPaths } from './paths';
export { createDatabases, dropDatabase } from './postgres/create-databases';
export { probePostgres, waitForPostgres } from './probes/postgres';
export { type Reporter, consoleReporter, silentReporter } from './reporter';
export { LOCAL_KAFKA_BROKERS, resolveKafka, type KafkaPlan, type KafkaProbes } from './resolve-kafka';
export {
  EMBEDDED_POSTGRES_URL,
  LOCAL_POSTGRES_URL,
  resolvePostgres,
  type PostgresPlan,
  type PostgresProbes,
} from './resolve-postgres';
export { SERVICE_DATABASES, SERVICE_NAMES, type ServiceName } from './service-databases';
export { readInfraState, writeInfraState, type InfraState, type KafkaSource, type PostgresSource } from './state';
export { formatStatus, status, type ComponentStatus } from './status';
export { up, type UpOptions } from './up';
export { freePort } from './services/free-port';
export { startServiceProcess, type ServiceProcess, type ServiceProcessOptions } from './services/service-process';
export { printWarnings, raisedRateLimits, startGatewayService } from './services/gateway-process';
