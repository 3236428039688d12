/**
 * The event backbone: CloudEvents envelope, transactional outbox and its relay, and the consumer runner with inbox
 * deduplication and dead letters. The only package that talks to Kafka; see README.md for the design.
 */
export { backoffDelay } from './backoff';
export type { BackoffPolicy } from './backoff';
export { buildEnvelope, parseEnvelope, recordHeaders, sourceOf, validatePayload } from './envelope';
export type { EventEnvelope, NewEvent } from './envelope';
export { ContractViolation } from './errors';
export { createKafkaClient } from './kafka';
export type { KafkaClient, KafkaClientConfig, KafkaLogLevel, OutgoingRecord, RecordProducer } from './kafka';
export { silentLogger } from './logger';
export type { EventsLogger, LogFn } from './logger';
export { EVENTS_TABLES_DDL } from './schema-ddl';
export type { SqlExecutor, TransactionRunner } from './sql';
export { isPgTransactionConflict, pgTransaction } from './pg-transaction';
export type { PgStatements, PgTransactionOptions } from './pg-transaction';
export { appendToOutbox } from './outbox/append';
export { appendClaimed } from './outbox/append-claimed';
export type { AppendClaimedOptions } from './outbox/append-claimed';
export { EVENTS_TRACER, linkTo, recordTraceparent, traceparentOf } from './trace-context';
export type { AppendOptions } from './outbox/append';
export { outboxChannel, relayLockKey } from './outbox/channel';
export { chunkByBytes, OutboxRelay } from './outbox/relay';
export type { OutboxRelayMetrics, OutboxRelayOptions, PublishedBatch } from './outbox/relay';
export { handlerFor, startConsumer } from './consumer/runner';
export type { ConsumerHandle, ConsumerMetrics, ConsumerOptions } from './consumer/runner';
export { deadLetterHeaders } from './consumer/dead-letter';
export type { DeadLetterKind, IncomingRecord } from './consumer/dead-letter';
export { isInfrastructureError } from './consumer/infrastructure-error';
export { processRecord } from './consumer/process-record';
export { processBatch } from './consumer/process-batch';
export type { BatchEventHandler } from './consumer/process-batch';
export type { EventHandler, RecordOutcome, RetryPolicy } from './consumer/process-record';
export * from './admin';
export { EventsHousekeeper, housekeepingLockKey } from './housekeeping/housekeeper';
export type { EventsHousekeeperOptions, EventsTablesSize, HousekeeperMetrics, HousekeepingRun } from './housekeeping/housekeeper';
export { eventsHousekeepingConfigShape, housekeeperFromConfig, housekeepingOptionsFrom } from './housekeeping/config';
export { eventsMetricsSource } from './metrics-source';
export type { EventsMetricsParts } from './metrics-source';
export { createServiceEvents } from './service-events';
export type { ServiceConsumer, ServiceEvents, ServiceEventsConfig, ServiceEventsOptions, ServiceEventsStep } from './service-events';
