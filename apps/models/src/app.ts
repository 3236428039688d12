import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { OutboxRelay, createKafkaClient, eventsMetricsSource, housekeeperFromConfig, startConsumer, waitForBroker } from '@antt/events';
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
  const metrics = new ServiceMetrics('models');
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const domain = createModelsDomain(prisma, options.clock ?? systemClock(config.MODELS_TIME_ZONE), {
    dates: { earliest: config.MODELS_EARLIEST_DATE, latest: config.MODELS_LATEST_DATE },
    ineffectiveStreak: config.MODELS_INEFFECTIVE_STREAK,
    trainingPeriodDays: config.MODELS_TRAINING_PERIOD_DAYS,
  });
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'models' });
  const directoryHandlers = modelsDirectoryHandlers();
  const consumer = config.UNIT_DIRECTORY_CONSUMER_ENABLED
    ? startConsumer({
        kafka,
        groupId: config.MODELS_UNIT_DIRECTORY_GROUP_ID,
        // One declared dead-letter topic, whatever group id an environment runs the directory under.
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.modelsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        handlers: directoryHandlers.handlers,
        batchHandlers: directoryHandlers.batchHandlers,
        // One transaction applies a whole fetched batch; Prisma's 5 s default is too short for a large one on a loaded machine.
        transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
      })
    : null;
  const relay = config.OUTBOX_RELAY_ENABLED
    ? new OutboxRelay({ databaseUrl: config.DATABASE_URL, service: 'models', kafka, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : null;
  const housekeeper = housekeeperFromConfig(config, 'models', createLogger(config, 'models.events-housekeeping'));
  metrics.observeEvents(
    eventsMetricsSource({
      relay,
      housekeeper,
      consumers: [{ group: config.MODELS_UNIT_DIRECTORY_GROUP_ID, topics: UNIT_DIRECTORY_TOPICS, handle: consumer }],
      brokers: config.KAFKA_BROKERS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
    }),
  );
  return startSubgraph({
    name: 'models',
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
      { name: 'unit directory consumer', run: async () => consumer?.ready },
      { name: 'outbox relay', run: async () => relay?.start() },
      { name: 'events housekeeping', run: async () => housekeeper?.start() },
    ],
    onShutdown: [
      { name: 'events housekeeping', run: async () => housekeeper?.stop() },
      { name: 'outbox relay', run: async () => relay?.stop() },
      { name: 'unit directory consumer', run: async () => consumer?.stop() },
      { name: 'database', run: () => prisma.$disconnect() },
    ],
  });
}
