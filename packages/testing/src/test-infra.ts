/** Which infrastructure the tests run against. */
export type TestInfraMode = 'testcontainers' | 'local';

/**
 * Real PostgreSQL and Kafka for integration tests. The broker is shared (a developer's running platform may use it): no
 * test stops it; a test that stops or kills a broker starts its own with `startPrivateBroker`.
 */
export interface TestInfra {
  /** Superuser URL of the server, database `postgres`. */
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  mode: TestInfraMode;
}

/** What one process remembers between test files (Jest gives each file its own module registry). */
export interface RememberedInfra {
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  mode: TestInfraMode;
  description: string;
  /** Start time of the process that wrote this (guards against a recycled pid). */
  processStartedAt?: number;
}
