import { createServiceEvents } from '@antt/events';
import { type RunningServer, ServiceMetrics, createLogger, startSubgraph } from '@antt/service-kit';
import { type OrgUnitsConfig } from './config';
import { createOrgUnitsDomain } from './domain/org-units.module';
import { type Clock, systemClock } from './domain/shared/clock';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { createOrgUnitsDatabase } from './infrastructure/prisma-client';

export interface OrgUnitsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/** Starts the org-units subgraph: Prisma over pg, the outbox relay, readiness checks, graceful shutdown. */
export async function startOrgUnits(config: OrgUnitsConfig, options: OrgUnitsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('org-units', { enabled: config.METRICS_ENABLED });
  const database = createOrgUnitsDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const { prisma } = database;
  const domain = createOrgUnitsDomain(database, options.clock ?? systemClock(config.ORG_UNITS_TIME_ZONE), {
    earliest: config.ORG_UNITS_EARLIEST_DATE,
    latest: config.ORG_UNITS_LATEST_DATE,
  });
  const events = createServiceEvents({ service: 'org-units', config, logger: createLogger(config, 'org-units.events') });
  metrics.observeEvents(events.metricsSource);
  return startSubgraph({
    name: 'org-units',
    typeDefs,
    resolvers,
    config,
    handleSignals: options.handleSignals,
    metrics,
    context: () => domain.forRequest(),
    readiness: [{ name: 'database', check: () => prisma.$queryRaw`SELECT 1` }, events.readiness],
    onStart: events.onStart,
    onShutdown: [...events.onShutdown, { name: 'database', run: () => prisma.$disconnect() }],
  });
}
