/** Which infrastructure the tests run against. */
export type TestInfraMode = 'testcontainers' | 'local';

/** Real PostgreSQL and Kafka for integration tests. */
export interface TestInfra {
  /** Superuser URL of the server, database `postgres`. */
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  mode: TestInfraMode;
  /** Stops the broker (its data kept) for fault tests; rejects when the broker is not one the kit or `infra up` manages. */
  stopKafka(): Promise<void>;
  /** Starts the broker {@link TestInfra.stopKafka} stopped and waits until it is ready. */
  startKafka(): Promise<void>;
}

/** What one process remembers between test files (Jest gives each file its own module registry). */
export interface RememberedInfra {
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  mode: TestInfraMode;
  /** Who can stop and start the broker: the kit (a container), `infra up` (a broker it started), or nobody. */
  kafkaControl: { kind: 'container'; containerId: string } | { kind: 'infra' } | { kind: 'none'; reason: string };
  description: string;
  /** Start time of the process that wrote this (guards against a recycled pid). */
  processStartedAt?: number;
}
