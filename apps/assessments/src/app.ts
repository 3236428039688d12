import { CONSUMER_GROUPS, deadLetterTopicFor } from '@antt/contracts';
import { createServiceEvents } from '@antt/events';
import { type Clock, type RunningServer, ServiceMetrics, createLogger, periodicTask, startSubgraph, systemClock } from '@antt/service-kit';
import { UNIT_DIRECTORY_TOPICS, unitDirectoryBatchHandlers, unitDirectoryHandlers, UNIT_DIRECTORY_PARTITIONS_AT_ONCE } from '@antt/unit-directory';
import { type AssessmentsConfig } from './config';
import { createAssessmentsDomain } from './domain/assessments.module';
import { FACT_TOPICS, factBatchHandlers, factHandlers } from './domain/facts';
import { resolvers } from './graphql/resolvers';
import { typeDefs } from './graphql/type-defs';
import { FileSystemEvidenceStorage } from './infrastructure/filesystem-evidence-storage';
import { createPrismaClient } from './infrastructure/prisma-client';

export interface AssessmentsAppOptions {
  clock?: Clock;
  /** Exit on SIGTERM/SIGINT (default true; in-process tests pass false). */
  handleSignals?: boolean;
}

/**
 * Starts the assessments subgraph: Prisma over pg, the unit directory consumer (org-units events into the assessments
 * database), the facts consumer (campaigns' registrations, models' effective-model fact), the outbox relay, events housekeeping, the review
 * reminder scheduler, readiness checks, graceful shutdown.
 */
export async function startAssessments(config: AssessmentsConfig, options: AssessmentsAppOptions = {}): Promise<RunningServer> {
  const metrics = new ServiceMetrics('assessments', { enabled: config.METRICS_ENABLED });
  const prisma = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, (pool) => metrics.observePool('prisma', pool));
  const storage = await FileSystemEvidenceStorage.open(config.EVIDENCE_STORAGE_DIR);
  const domain = createAssessmentsDomain(prisma, options.clock ?? systemClock(config.ASSESSMENTS_TIME_ZONE), {
    dates: { earliest: config.ASSESSMENTS_EARLIEST_DATE, latest: config.ASSESSMENTS_LATEST_DATE },
    evidence: { storage, maxBytes: config.EVIDENCE_MAX_BYTES, allowedTypes: config.EVIDENCE_ALLOWED_TYPES },
    reminderDays: config.REVIEW_REMINDER_DAYS,
  });
  const events = createServiceEvents({
    service: 'assessments',
    config,
    logger: createLogger(config, 'assessments.events'),
    // One transaction applies a whole fetched batch; Prisma's 5 s default is too short for a large one on a loaded machine.
    transaction: (fn) => prisma.$transaction(fn, { timeout: 60_000, maxWait: 10_000 }),
    consumers: [
      {
        name: 'unit directory consumer',
        enabled: config.UNIT_DIRECTORY_CONSUMER_ENABLED,
        groupId: config.ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.assessmentsUnitDirectory),
        topics: UNIT_DIRECTORY_TOPICS,
        handlers: unitDirectoryHandlers(),
        batchHandlers: unitDirectoryBatchHandlers(),
        partitionsConsumedConcurrently: UNIT_DIRECTORY_PARTITIONS_AT_ONCE,
      },
      {
        name: 'facts consumer',
        enabled: config.FACTS_CONSUMER_ENABLED,
        groupId: config.ASSESSMENTS_FACTS_GROUP_ID,
        deadLetterTopic: deadLetterTopicFor(CONSUMER_GROUPS.assessmentsFacts),
        topics: FACT_TOPICS,
        handlers: factHandlers(),
        batchHandlers: factBatchHandlers(),
      },
    ],
  });
  metrics.observeEvents(events.metricsSource);
  const reminders = periodicTask({
    name: 'review reminder scheduler',
    intervalMs: config.REVIEW_REMINDER_INTERVAL_MS,
    run: () => domain.reminders.runOnce(),
    logger: createLogger(config, 'assessments.review-reminders'),
    message: 'review reminders sent',
  });
  return startSubgraph({
    name: 'assessments',
    typeDefs,
    resolvers,
    config,
    handleSignals: options.handleSignals,
    metrics,
    context: () => domain.forRequest(),
    readiness: [{ name: 'database', check: () => prisma.$queryRaw`SELECT 1` }, events.readiness],
    // Start steps run once the signal handlers are in place: a stop during the start skips the rest and exits cleanly.
    onStart: [...events.onStart, reminders.start],
    onShutdown: [reminders.stop, ...events.onShutdown, { name: 'database', run: () => prisma.$disconnect() }],
  });
}
