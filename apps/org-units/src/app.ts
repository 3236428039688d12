import { OutboxRelay, createKafkaClient, eventsMetricsSource, housekeeperFromConfig, waitForBroker } from '@antt/events';
import { type RunningServer, ServiceMetrics, createLogger, startSubgraph } from '@antt/service-kit';
import { type OrgUnitsConfig } from './config';
import { createOrgUnitsDomain } from './domain/org-units.module';
import { type Clock, systemClock } from './domain/shared/clock';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface OrgUnitsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/** Starts the org-units subgraph: Prisma over pg, the outbox relay, readiness checks, graceful shutdown. */
export async function startOrgUnits(config: OrgUnitsConfig, options: OrgUnitsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('org-units');
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const domain = createOrgUnitsDomain(prisma, options.clock ?? systemClock(config.ORG_UNITS_TIME_ZONE), {
    earliest: config.ORG_UNITS_EARLIEST_DATE,
    latest: config.ORG_UNITS_LATEST_DATE,
  });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'org-units' });
  const relay = config.OUTBOX_RELAY_ENABLED
    ? new OutboxRelay({ databaseUrl: config.DATABASE_URL, service: 'org-units', kafka, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : null;
  const housekeeper = housekeeperFromConfig(config, 'org-units', createLogger(config, 'org-units.events-housekeeping'));
  metrics.observeEvents(eventsMetricsSource({ relay, housekeeper }));
  return startSubgraph({
    name: 'org-units',
    typeDefs,
    resolvers,
    config,
    handleSignals: options.handleSignals,
    metrics,
    context: () => domain.forRequest(),
    readiness: [
      { name: 'database', check: () => prisma.$queryRaw`SELECT 1` },
      { name: 'kafka', check: () => waitForBroker(config.KAFKA_BROKERS, 1500) },
    ],
    onStart: [
      { name: 'outbox relay', run: () => relay?.start() },
      { name: 'events housekeeping', run: async () => housekeeper?.start() },
    ],
    onShutdown: [
      { name: 'events housekeeping', run: async () => housekeeper?.stop() },
      { name: 'outbox relay', run: async () => relay?.stop() },
      { name: 'database', run: () => prisma.$disconnect() },
    ],
  });
}
