import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { OutboxRelay, createKafkaClient, eventsMetricsSource, housekeeperFromConfig, startConsumer, waitForBroker } from '@antt/events';
import { type Clock, type RunningServer, ServiceMetrics, createLogger, startSubgraph, systemClock } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers } from '@antt/unit-directory';
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
  const metrics = new ServiceMetrics('awards');
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const domain = createAwardsDomain(prisma, options.clock ?? systemClock(config.AWARDS_TIME_ZONE), {
    dates: { earliest: config.AWARDS_EARLIEST_DATE, latest: config.AWARDS_LATEST_DATE },
  });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'awards' });
  const directoryConsumer = config.UNIT_DIRECTORY_CONSUMER_ENABLED
    ? startConsumer({
        kafka,
        groupId: config.AWARDS_UNIT_DIRECTORY_GROUP_ID,
        // One declared dead-letter topic, whatever group id an environment runs the directory under.
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.awardsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        handlers: unitDirectoryHandlers(),
        batchHandlers: unitDirectoryBatchHandlers(),
        transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
      })
    : null;
  const factsConsumer = config.FACTS_CONSUMER_ENABLED
    ? startConsumer({
        kafka,
        groupId: config.AWARDS_FACTS_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.awardsFacts),
        topics: FACT_TOPICS,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        handlers: factHandlers(),
        transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
      })
    : null;
  const relay = config.OUTBOX_RELAY_ENABLED
    ? new OutboxRelay({ databaseUrl: config.DATABASE_URL, service: 'awards', kafka, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : null;
  const housekeeper = housekeeperFromConfig(config, 'awards', createLogger(config, 'awards.events-housekeeping'));
  metrics.observeEvents(
    eventsMetricsSource({
      relay,
      housekeeper,
      consumers: [
        { group: config.AWARDS_UNIT_DIRECTORY_GROUP_ID, topics: UNIT_DIRECTORY_TOPICS, handle: directoryConsumer },
        { group: config.AWARDS_FACTS_GROUP_ID, topics: FACT_TOPICS, handle: factsConsumer },
      ],
      brokers: config.KAFKA_BROKERS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
    }),
  );
  return startSubgraph({
    name: 'awards',
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
    // Start steps run once the signal handlers are in place: a stop during the start skips the rest and exits cleanly.
    onStart: [
      { name: 'unit directory consumer', run: async () => directoryConsumer?.ready },
      { name: 'facts consumer', run: async () => factsConsumer?.ready },
      { name: 'outbox relay', run: async () => relay?.start() },
      { name: 'events housekeeping', run: async () => housekeeper?.start() },
    ],
    onShutdown: [
      { name: 'events housekeeping', run: async () => housekeeper?.stop() },
      { name: 'outbox relay', run: async () => relay?.stop() },
      { name: 'facts consumer', run: async () => factsConsumer?.stop() },
      { name: 'unit directory consumer', run: async () => directoryConsumer?.stop() },
      { name: 'database', run: () => prisma.$disconnect() },
    ],
  });
}
