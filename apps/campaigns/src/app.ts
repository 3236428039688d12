import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { createKafkaClient, startConsumer, waitForBroker, type ConsumerHandle } from '@antt/events';
import { type RunningWorker, startWorker } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryHandlers } from '@antt/unit-directory';
import { type CampaignsConfig } from './config';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface CampaignsAppOptions {
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

export interface RunningCampaigns extends RunningWorker {
  consumer: ConsumerHandle;
}

/**
 * Starts the campaigns service. Its campaign, registration and pledge domain comes with its own issue; today it keeps its
 * unit directory: a consumer of org-units events projecting the unit tree into the campaigns database.
 */
export async function startCampaigns(config: CampaignsConfig, options: CampaignsAppOptions = {}): Promise<RunningCampaigns> {
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'campaigns' });
  const consumer = startConsumer({
    kafka,
    groupId: config.UNIT_DIRECTORY_GROUP_ID,
    // One declared dead-letter topic, whatever group id an environment runs the directory under.
    deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.campaignsUnitDirectory),
    topics: UNIT_DIRECTORY_TOPICS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    handlers: unitDirectoryHandlers(),
    transaction: (fn) => prisma.$transaction(fn),
  });
  const worker = await startWorker({
    name: 'campaigns',
    config,
    handleSignals: options.handleSignals,
    readiness: [
      { name: 'database', check: () => prisma.$queryRaw`SELECT 1` },
      { name: 'kafka', check: () => waitForBroker(config.KAFKA_BROKERS, 1500) },
    ],
    onStart: [{ name: 'unit directory consumer', run: () => consumer.ready }],
    onShutdown: [
      { name: 'unit directory consumer', run: () => consumer.stop() },
      { name: 'database', run: () => prisma.$disconnect() },
    ],
  });
  return { ...worker, consumer };
}
