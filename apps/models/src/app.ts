import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { createServiceEvents } from '@antt/events';
import { type Clock, type RunningServer, ServiceMetrics, createLogger, startSubgraph, systemClock } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS } from '@antt/unit-directory';
import { type ModelsConfig } from './config';
import { modelsDirectoryHandlers } from './domain/model';
import { createModelsDomain } from './domain/models.module';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface ModelsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/**
 * Starts the models subgraph: Prisma over pg, the unit directory consumer (org-units events into the models database; a merge, a
 * split or a reorganisation also moves the models of a host that ceased to exist to the unit that continues it), the outbox relay, readiness checks, graceful shutdown.
 */
export async function startModels(config: ModelsConfig, options: ModelsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('models', { enabled: config.METRICS_ENABLED });
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const domain = createModelsDomain(prisma, options.clock ?? systemClock(config.MODELS_TIME_ZONE), {
    dates: { earliest: config.MODELS_EARLIEST_DATE, latest: config.MODELS_LATEST_DATE },
    ineffectiveStreak: config.MODELS_INEFFECTIVE_STREAK,
    trainingPeriodDays: config.MODELS_TRAINING_PERIOD_DAYS,
    windowCacheMs: config.MODELS_WINDOW_CACHE_SECONDS * 1000,
  });
  const directoryHandlers = modelsDirectoryHandlers();
  const events = createServiceEvents({
    service: 'models',
    config,
    logger: createLogger(config, 'models.events'),
    // One transaction applies a whole fetched batch; Prisma's 5 s default is too short for a large one on a loaded machine.
    transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
    consumers: [
      {
        name: 'unit directory consumer',
        enabled: config.UNIT_DIRECTORY_CONSUMER_ENABLED,
        groupId: config.MODELS_UNIT_DIRECTORY_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.modelsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        handlers: directoryHandlers.handlers,
        batchHandlers: directoryHandlers.batchHandlers,
      },
    ],
  });
  metrics.observeEvents(events.metricsSource);
  return startSubgraph({
    name: 'models',
    typeDefs,
    resolvers,
    config,
    handleSignals: options.handleSignals,
    metrics,
    context: () => domain.forRequest(),
    readiness: [{ name: 'database', check: () => prisma.$queryRaw`SELECT 1` }, events.readiness],
    // Start steps run once the signal handlers are in place: a stop during the start skips the rest and exits cleanly.
    onStart: events.onStart,
    onShutdown: [...events.onShutdown, { name: 'database', run: () => prisma.$disconnect() }],
  });
}
