import { EVENT_CONTRACTS, deadLetterTopicFor, type EventContract, type EventPayload } from '@antt/contracts';
import { type KafkaClient, createRawConsumer, type RecordProducer } from '../kafka';
import { type EventsLogger, silentLogger } from '../logger';
import { type SqlExecutor, type TransactionRunner } from '../sql';
import { deadLetterHeaders, headersToStrings, type IncomingRecord } from './dead-letter';
import { isInfrastructureError } from './infrastructure-error';
import { type BatchEventHandler, processBatch } from './process-batch';
import { type EventHandler, processRecord, type RecordOutcome, type RetryPolicy } from './process-record';

/** Configuration of {@link startConsumer}. */
export interface ConsumerOptions<TTx extends SqlExecutor = SqlExecutor> {
  readonly kafka: KafkaClient;
  /** Consumer group, also the inbox `consumer` column and, with `.dlq`, the dead-letter topic. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Handlers by full event type (`org-units.unit.created.v1`); each type must have a contract on one of `topics`. */
  readonly handlers: Readonly<Record<string, EventHandler<TTx>>>;
  /**
   * Batch mode: when set, each Kafka batch (records of one partition) is applied in one transaction with one inbox
   * statement; consecutive events whose types share a batch handler here are applied by one call of it, others by
   * their per-record handler. A batch that fails for a reason other than infrastructure is applied again record by
   * record with `handlers` (retries, dead letters), so every type listed here must also be in `handlers`.
   */
  readonly batchHandlers?: Readonly<Record<string, BatchEventHandler<TTx>>>;
  /** Contracts payloads are validated against; defaults to `EVENT_CONTRACTS` of `@antt/contracts`. */
  readonly contracts?: readonly EventContract[];
  /** Runs a function in one database transaction, e.g. `(fn) => prisma.$transaction(fn)`. */
  readonly transaction: TransactionRunner<TTx>;
  /** Defaults: 5 attempts, 200 ms doubling to 5 s. */
  readonly retry?: Partial<RetryPolicy>;
  /** Defaults to `<groupId>.dlq`; the topic must be declared in `TOPICS`. */
  readonly deadLetterTopic?: string;
  /** Prefix of the environment's topics (default none), as given to the producing services' relays. */
  readonly topicPrefix?: string;
  readonly logger?: EventsLogger;
  /** Where a new group starts reading; defaults to true (read models are built from the whole topic). */
  readonly fromBeginning?: boolean;
  /**
   * Partitions whose fetched batches are applied side by side, each in its own transaction (default 1: one after the
   * other). Only for handlers whose records of different partitions never write the same rows (records of one key share
   * a partition, so a read model keyed by the records' key qualifies); each partition stays in order either way.
   */
  readonly partitionsConsumedConcurrently?: number;
  /** Defaults to 30000 ms; the broker's minimum is 6000 ms. */
  readonly sessionTimeoutMs?: number;
  /** Defaults to 3000 ms. */
  readonly heartbeatIntervalMs?: number;
  /** Consecutive crashes (without a record processed in between) after which the consumer stays down; default 10. */
  readonly maxRestarts?: number;
  /** Called when the consumer stopped for good after `maxRestarts`; a service should exit so it is restarted clean. */
  readonly onFatalError?: (error: Error) => void;
  /** Failures that leave the record uncommitted instead of retrying then dead-lettering it (default: database unreachable). */
  readonly isInfrastructureError?: (error: unknown) => boolean;
  /**
   * Test seam: runs after the transaction committed (in batch mode, once per batch with its last record) and before the offset is committed. Ending the process here
   * reproduces a consumer killed before committing: the record is read again and the inbox skips it. Never set in
   * production code.
   */
  readonly afterApplyBeforeCommit?: (record: { topic: string; partition: number; offset: string }) => Promise<void>;
}

/** Counters of a running consumer. */
export interface ConsumerMetrics {
  readonly applied: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly deadLettered: number;
}

/** A running consumer. */
export interface ConsumerHandle {
  /** Resolves when the consumer joined its group; rejects when it could not start. */
  readonly ready: Promise<void>;
  /** Finishes the record in hand, commits it, leaves the group and disconnects. */
  stop(): Promise<void>;
  metrics(): ConsumerMetrics;
}

/** A handler typed by its contract's payload; `TTx` is inferred from the `tx` annotation. */
export function handlerFor<TContract extends EventContract, TTx extends SqlExecutor = SqlExecutor>(
  _contract: TContract,
  handler: EventHandler<TTx, EventPayload<TContract>>,
): EventHandler<TTx> {
  return handler as EventHandler<TTx>;
}

function routes<TTx extends SqlExecutor>(options: ConsumerOptions<TTx>) {
  const map = new Map<string, { contract: EventContract; handler: EventHandler<TTx> }>();
  const contracts = options.contracts ?? EVENT_CONTRACTS;
  for (const [type, handler] of Object.entries(options.handlers)) {
    const contract = contracts.find((candidate) => candidate.fullType === type);
    if (!contract) throw new Error(`Consumer ${options.groupId}: no contract declares event type ${type}`);
    if (!options.topics.includes(contract.topic)) {
      throw new Error(`Consumer ${options.groupId}: ${type} is published on ${contract.topic}, which it does not subscribe to`);
    }
    map.set(type, { contract, handler });
  }
  return map;
}

function batchRoutes<TTx extends SqlExecutor>(options: ConsumerOptions<TTx>) {
  const map = new Map<string, BatchEventHandler<TTx>>();
  for (const [type, handler] of Object.entries(options.batchHandlers ?? {})) {
    if (!(type in options.handlers)) throw new Error(`Consumer ${options.groupId}: batch handler for ${type} has no per-record handler to fall back on`);
    map.set(type, handler);
  }
  return map;
}

function countOutcome(counters: { -readonly [K in keyof ConsumerMetrics]: number }, outcome: RecordOutcome): void {
  if (outcome.kind === 'applied') counters.applied += 1;
  else if (outcome.kind === 'duplicate') counters.duplicates += 1;
  else if (outcome.kind === 'skipped') counters.skipped += 1;
  else counters.deadLettered += 1;
}

/**
 * Starts a consumer: for each record, validates the envelope and payload, writes the inbox row and runs the handler
 * in one transaction (once per event id, whatever the redeliveries); offsets are committed once per batch, after the
 * transactions of the records they cover. Failing handlers are retried with backoff and then dead-lettered with the
 * reason in headers, so a partition never blocks for good.
 * Records of a type without handler are skipped. Throws synchronously on a handler without a contract.
 */
export function startConsumer<TTx extends SqlExecutor>(options: ConsumerOptions<TTx>): ConsumerHandle {
  const handlers = routes(options);
  const batchHandlers = batchRoutes(options);
  const batchMode = options.batchHandlers !== undefined;
  const logger = options.logger ?? silentLogger;
  const topicPrefix = options.topicPrefix ?? '';
  const deadLetterTopic = `${topicPrefix}${options.deadLetterTopic ?? deadLetterTopicFor(options.groupId)}`;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3000;
  const retry: RetryPolicy = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 5000, ...options.retry };
  const maxRestarts = options.maxRestarts ?? 10;
  const counters = { applied: 0, duplicates: 0, skipped: 0, deadLettered: 0 };
  let crashes = 0;
  let deadLetterProducer: RecordProducer | undefined;

  const consumer = createRawConsumer(options.kafka, {
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: heartbeatIntervalMs,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 1000,
    retry: {
      retries: 5,
      initialRetryTime: 300,
      maxRetryTime: 5000,
      restartOnFailure: async (error) => {
        crashes += 1;
        const restart = crashes <= maxRestarts;
        logger.error({ err: error, groupId: options.groupId, crashes, restart }, 'consumer crashed');
        return restart;
      },
    },
  });

  const deadLetter = async (record: IncomingRecord, kind: Parameters<typeof deadLetterHeaders>[2], detail: string) => {
    if (!deadLetterProducer) {
      const producer = options.kafka.createProducer();
      await producer.connect();
      deadLetterProducer = producer;
    }
    await deadLetterProducer.send([
      {
        topic: deadLetterTopic,
        key: record.key === null ? null : record.key.toString('utf8'),
        value: record.value ?? Buffer.alloc(0),
        headers: deadLetterHeaders(record, options.groupId, kind, detail, new Date()),
      },
    ]);
    logger.warn({ groupId: options.groupId, topic: record.topic, partition: record.partition, offset: record.offset, kind, detail }, 'consumer: record dead-lettered');
  };

  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    logger.info({ groupId: payload.groupId, memberId: payload.memberId, assignment: payload.memberAssignment }, 'consumer joined group');
    resolveReady();
  });
  consumer.on(consumer.events.REBALANCING, ({ payload }) => {
    logger.info({ groupId: payload.groupId, memberId: payload.memberId }, 'consumer group rebalancing');
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart) return;
    rejectReady(payload.error);
    logger.error({ err: payload.error, groupId: options.groupId }, 'consumer stopped for good');
    options.onFatalError?.(payload.error);
  });

  const run = async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics.map((topic) => `${topicPrefix}${topic}`), fromBeginning: options.fromBeginning ?? true });
    const deps = {
      consumer: options.groupId,
      handlers,
      transaction: options.transaction,
      retry,
      logger,
      heartbeatIntervalMs,
      deadLetter,
      isInfrastructureError: options.isInfrastructureError ?? isInfrastructureError,
    };
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatchAutoResolve: false,
      // One batch = the records of one partition fetched together. In batch mode they are applied in one transaction
      // (see processBatch); otherwise they are applied one by one, in order, each in its
      // own transaction, and the offset after the last one applied is committed once, at the end of the batch (or
      // when processing stops early: stop(), rebalance, or a failure that leaves the rest uncommitted).
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const { topic, partition } = batch;
        let next: string | undefined;
        const commitApplied = async () => {
          if (next !== undefined) await consumer.commitOffsets([{ topic, partition, offset: next }]);
        };
        const recordOf = (message: (typeof batch.messages)[number]): IncomingRecord => ({
          topic,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          headers: headersToStrings(message.headers),
        });
        if (batchMode) {
          const last = batch.messages.at(-1);
          if (last === undefined || !isRunning() || isStale()) return;
          // Nothing is committed when this throws: the whole batch is read again and the inbox skips what was applied.
          const outcomes = await processBatch(batch.messages.map(recordOf), { ...deps, batchHandlers, heartbeat });
          outcomes.forEach((outcome) => countOutcome(counters, outcome));
          crashes = 0;
          await options.afterApplyBeforeCommit?.({ topic, partition, offset: last.offset });
          resolveOffset(last.offset);
          next = (BigInt(last.offset) + 1n).toString();
          await commitApplied();
          await heartbeat();
          return;
        }
        try {
          for (const message of batch.messages) {
            if (!isRunning() || isStale()) break;
            const outcome = await processRecord(recordOf(message), { ...deps, heartbeat });
            countOutcome(counters, outcome);
            crashes = 0;
            await options.afterApplyBeforeCommit?.({ topic, partition, offset: message.offset });
            // In memory only: where the next fetch of this partition starts. The broker learns it from the commit below.
            resolveOffset(message.offset);
            next = (BigInt(message.offset) + 1n).toString();
            await heartbeat();
          }
        } catch (error) {
          // Keep what was applied before the failure; the failing record and the rest stay uncommitted.
          await commitApplied().catch((commitError: unknown) =>
            logger.warn({ err: commitError, groupId: options.groupId, topic, partition, offset: next }, 'consumer: offset commit failed'),
          );
          throw error;
        }
        await commitApplied();
      },
    });
  };
  run().catch((error: Error) => {
    logger.error({ err: error, groupId: options.groupId }, 'consumer could not start');
    rejectReady(error);
  });

  return {
    ready,
    metrics: () => ({ ...counters }),
    async stop() {
      await consumer.disconnect();
      await deadLetterProducer?.disconnect().catch(() => undefined);
      deadLetterProducer = undefined;
      logger.info({ groupId: options.groupId, ...counters }, 'consumer stopped');
    },
  };
}
