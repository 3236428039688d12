import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { createServiceEvents } from '@antt/events';
import { type Clock, type RunningServer, ServiceMetrics, createLogger, periodicTask, startSubgraph, systemClock } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers, UNIT_DIRECTORY_PARTITIONS_AT_ONCE } from '@antt/unit-directory';
import { type CampaignsConfig } from './config';
import { ATTAINMENT_TOPICS, attainmentBatchHandlers, attainmentHandlers } from './domain/attainment';
import { createCampaignsDomain } from './domain/campaigns.module';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { createBulkSql } from './infrastructure/bulk-sql';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface CampaignsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/**
 * Starts the campaigns subgraph: Prisma over pg, the unit directory consumer (org-units events into the campaigns
 * database), the attainment consumer (assessments' recognitions and classifications), the outbox relay, the deadline scheduler, readiness checks, graceful shutdown.
 */
export async function startCampaigns(config: CampaignsConfig, options: CampaignsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('campaigns', { enabled: config.METRICS_ENABLED });
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  // Pledge import batches run on plain pg connections of their own (two: a batch holds one for its transaction).
  const bulk = createBulkSql(config.DATABASE_URL, 2);
  const domain = createCampaignsDomain(prisma, options.clock ?? systemClock(config.CAMPAIGNS_TIME_ZONE), {
    earliest: config.CAMPAIGNS_EARLIEST_DATE,
    latest: config.CAMPAIGNS_LATEST_DATE,
  }, config.DEADLINE_NOTICE_DAYS, { hashKeyHex: config.PLEDGE_HASH_KEY, encryptionKeyHex: config.PLEDGE_ENCRYPTION_KEY }, bulk);
  const events = createServiceEvents({
    service: 'campaigns',
    config,
    logger: createLogger(config, 'campaigns.events'),
    // One transaction applies a whole fetched batch; Prisma's 5 s default is too short for a large one on a loaded machine.
    transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
    consumers: [
      {
        name: 'unit directory consumer',
        enabled: config.UNIT_DIRECTORY_CONSUMER_ENABLED,
        groupId: config.UNIT_DIRECTORY_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.campaignsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        handlers: unitDirectoryHandlers(),
        batchHandlers: unitDirectoryBatchHandlers(),
        partitionsConsumedConcurrently: UNIT_DIRECTORY_PARTITIONS_AT_ONCE,
      },
      {
        name: 'attainment consumer',
        enabled: config.ATTAINMENT_CONSUMER_ENABLED,
        groupId: config.ATTAINMENT_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.campaignsAttainment),
        topics: ATTAINMENT_TOPICS,
        handlers: attainmentHandlers(),
        batchHandlers: attainmentBatchHandlers(),
      },
    ],
  });
  metrics.observeEvents(events.metricsSource);
  const scheduler = periodicTask({
    name: 'deadline scheduler',
    intervalMs: config.DEADLINE_SCHEDULER_INTERVAL_MS,
    run: () => domain.scheduler.runOnce(),
    logger: createLogger(config, 'campaigns.deadline-scheduler'),
    message: 'deadline notices sent',
  });
  return startSubgraph({
    name: 'campaigns',
    typeDefs,
    resolvers,
    config,
    handleSignals: options.handleSignals,
    metrics,
    context: () => domain.forRequest(),
    readiness: [{ name: 'database', check: () => prisma.$queryRaw`SELECT 1` }, events.readiness],
    // Start steps run once the signal handlers are in place: a stop during the start skips the rest and exits cleanly.
    onStart: [...events.onStart, scheduler.start],
    onShutdown: [
      scheduler.stop,
      ...events.onShutdown,
      { name: 'database', run: async () => Promise.all([prisma.$disconnect(), bulk.end()]).then(() => undefined) },
    ],
  });
}
