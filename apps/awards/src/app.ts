import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { createServiceEvents } from '@antt/events';
import { type Clock, type RunningServer, ServiceMetrics, createLogger, startSubgraph, systemClock } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers, UNIT_DIRECTORY_PARTITIONS_AT_ONCE } from '@antt/unit-directory';
import { type AwardsConfig } from './config';
import { createAwardsDomain } from './domain/awards.module';
import { FACT_TOPICS, factHandlers } from './domain/facts';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface AwardsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/**
 * Starts the awards subgraph: Prisma over pg, the unit directory consumer (org-units events into the awards database), the fact
 * store consumer (campaigns and assessments events: facts come only from events), the outbox relay, readiness checks,
 * graceful shutdown.
 */
export async function startAwards(config: AwardsConfig, options: AwardsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('awards', { enabled: config.METRICS_ENABLED });
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const domain = createAwardsDomain(prisma, options.clock ?? systemClock(config.AWARDS_TIME_ZONE), {
    dates: { earliest: config.AWARDS_EARLIEST_DATE, latest: config.AWARDS_LATEST_DATE },
    nomineeKeys: { hashKeyHex: config.AWARDS_NOMINEE_HASH_KEY, encryptionKeyHex: config.AWARDS_NOMINEE_ENCRYPTION_KEY },
  });
  const events = createServiceEvents({
    service: 'awards',
    config,
    logger: createLogger(config, 'awards.events'),
    // One transaction applies a whole fetched batch; Prisma's 5 s default is too short for a large one on a loaded machine.
    transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
    consumers: [
      {
        name: 'unit directory consumer',
        enabled: config.UNIT_DIRECTORY_CONSUMER_ENABLED,
        groupId: config.AWARDS_UNIT_DIRECTORY_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.awardsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        handlers: unitDirectoryHandlers(),
        batchHandlers: unitDirectoryBatchHandlers(),
        partitionsConsumedConcurrently: UNIT_DIRECTORY_PARTITIONS_AT_ONCE,
      },
      {
        name: 'facts consumer',
        enabled: config.FACTS_CONSUMER_ENABLED,
        groupId: config.AWARDS_FACTS_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.awardsFacts),
        topics: FACT_TOPICS,
        handlers: factHandlers(),
      },
    ],
  });
  metrics.observeEvents(events.metricsSource);
  return startSubgraph({
    name: 'awards',
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
