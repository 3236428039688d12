import { type GraphQLClient, gatewayClient, subgraphClient } from './graphql-clients';
import { startGatewayProcess } from './gateway-process';
import { getTestInfra } from './get-test-infra';
import { createMigratedTestDatabase } from './migrated-database';
import { type TestDatabase } from './test-database';

/** The clock a harnessed subgraph reads: "today" is what the test says. */
export interface HarnessClock {
  today(): string;
  now(): Date;
}

/** What {@link startSubgraphHarness} needs from a service. */
export interface SubgraphHarnessOptions<TPrisma extends { $disconnect(): Promise<void> }> {
  /** Prefix of the scratch database, e.g. `md_h_`. */
  readonly databasePrefix: string;
  /** The service folder holding `prisma.config.ts` (its committed migrations are applied). */
  readonly projectRoot: string;
  readonly today: string;
  /** The service's variables beyond the common ones (consumers off, the scheduler off, …); the test's overrides win. */
  readonly env?: Readonly<Record<string, string>>;
  /** Starts the service in this process from its environment and the test's clock; resolves with its URL and signing key. */
  start(env: Record<string, string>, clock: HarnessClock): Promise<{ url: string; gatewaySigningKey: string; stop(): Promise<void> }>;
  /** The service's own Prisma client on the scratch database (for setup and assertions). */
  prisma(databaseUrl: string): TPrisma;
  /** The gateway's variable naming this subgraph, e.g. `MODELS_URL`. */
  readonly gatewayVariable: string;
}

/**
 * The variables a subgraph started in a test's (or a benchmark's) own process begins with: test mode on a free port, silent
 * logs, `databaseUrl`, the test broker, its outbox relay and unit directory consumer off. Its own variables go on top.
 */
export async function inProcessServiceEnv(databaseUrl: string): Promise<Record<string, string>> {
  const infra = await getTestInfra();
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    OUTBOX_RELAY_ENABLED: 'false',
    UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
  };
}

/**
 * The `start` of {@link SubgraphHarnessOptions} for a service whose app module exports `load<Service>Config(env)` and
 * `start<Service>(config, { clock, handleSignals })`: the service in this process on the test's clock, no signal handlers.
 */
export function inProcessService<TConfig extends { GATEWAY_SIGNING_KEY: string }>(
  loadConfig: (env: Record<string, string>) => TConfig,
  startService: (config: TConfig, options: { clock: HarnessClock; handleSignals: boolean }) => Promise<{ url: string; stop(): Promise<void> }>,
): SubgraphHarnessOptions<never>['start'] {
  return async (env, clock) => {
    const config = loadConfig(env);
    const server = await startService(config, { clock, handleSignals: false });
    return { url: server.url, gatewaySigningKey: config.GATEWAY_SIGNING_KEY, stop: server.stop };
  };
}

/** A subgraph on a migrated scratch database, in this process, with the real gateway process in front of it. */
export interface SubgraphHarness<TPrisma> {
  database: TestDatabase;
  prisma: TPrisma;
  server: { url: string; stop(): Promise<void> };
  /** Moves "today" for the subgraph. */
  setToday(date: string): void;
  /** Through the gateway, as a client calls. */
  request: GraphQLClient;
  /** Straight to the subgraph with a signed caller assertion. */
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

/**
 * The in-process harness every subgraph's integration tests use: a database migrated with the service's committed
 * migrations, the service started on it (its relay off: tests read the outbox), a clock the test moves, and the gateway as
 * a real process over the committed supergraph. Dropped and stopped by `close()`.
 */
export async function startSubgraphHarness<TPrisma extends { $disconnect(): Promise<void> }>(
  options: SubgraphHarnessOptions<TPrisma>,
): Promise<SubgraphHarness<TPrisma>> {
  const database = await createMigratedTestDatabase(options.databasePrefix, options.projectRoot);
  let current = options.today;
  try {
    const server = await options.start({ ...(await inProcessServiceEnv(database.url)), ...options.env }, { today: () => current, now: () => new Date() });
    const prisma = options.prisma(database.url);
    const gateway = await startGatewayProcess({ [options.gatewayVariable]: server.url });
    return {
      database,
      prisma,
      server,
      setToday(date) {
        current = date;
      },
      request: gatewayClient(gateway.graphqlUrl),
      requestSubgraph: subgraphClient(server.url, server.gatewaySigningKey),
      async close() {
        await gateway.stop();
        await server.stop();
        await prisma.$disconnect();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
