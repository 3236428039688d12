import { waitForBroker } from './admin/wait-for-broker';
import { type ConsumerHandle, type ConsumerOptions, startConsumer } from './consumer/runner';
import { housekeeperFromConfig } from './housekeeping/config';
import { type EventsHousekeeper } from './housekeeping/housekeeper';
import { createKafkaClient, type KafkaClient } from './kafka';
import { type EventsLogger } from './logger';
import { eventsMetricsSource } from './metrics-source';
import { OutboxRelay } from './outbox/relay';
import { type SqlExecutor, type TransactionRunner } from './sql';

/** One consumer group a service runs (its handlers, where its dead letters go, whether this environment runs it). */
export interface ServiceConsumer<TTx extends SqlExecutor> {
  /** Shown in start and shutdown logs, e.g. `unit directory consumer`. */
  readonly name: string;
  readonly enabled: boolean;
  readonly groupId: string;
  /** The declared dead-letter topic, whatever group id an environment runs the consumer under. */
  readonly deadLetterTopic: string;
  readonly topics: readonly string[];
  readonly handlers: ConsumerOptions<TTx>['handlers'];
  readonly batchHandlers?: ConsumerOptions<TTx>['batchHandlers'];
  readonly partitionsConsumedConcurrently?: ConsumerOptions<TTx>['partitionsConsumedConcurrently'];
}

/** The events settings every service's config has (`KAFKA_*`, `OUTBOX_RELAY_ENABLED`, `EVENTS_*`, `DATABASE_URL`). */
export interface ServiceEventsConfig {
  readonly DATABASE_URL: string;
  readonly KAFKA_BROKERS: string[];
  readonly KAFKA_TOPIC_PREFIX: string;
  readonly OUTBOX_RELAY_ENABLED: boolean;
  readonly EVENTS_OUTBOX_RETENTION_HOURS: number;
  readonly EVENTS_INBOX_RETENTION_HOURS: number;
  readonly EVENTS_HOUSEKEEPING_INTERVAL_MS: number;
}

/** What {@link createServiceEvents} needs. */
export interface ServiceEventsOptions<TTx extends SqlExecutor> {
  /** The service's name: Kafka client id, relay and housekeeping lock, outbox `source`. */
  readonly service: string;
  readonly config: ServiceEventsConfig;
  /** Runs a consumer's batch (or record) in one transaction of the service's database. */
  readonly transaction?: TransactionRunner<TTx>;
  readonly consumers?: ReadonlyArray<ServiceConsumer<TTx>>;
  /** The housekeeping's logger (purges and failures). */
  readonly logger?: EventsLogger;
}

/** A start or shutdown step, in the shape the service kit's `startSubgraph` takes. */
export interface ServiceEventsStep {
  readonly name: string;
  run(): Promise<unknown>;
}

/** A service's event machinery, built once and handed to its server. */
export interface ServiceEvents {
  readonly kafka: KafkaClient;
  readonly relay: OutboxRelay | null;
  readonly housekeeper: EventsHousekeeper | null;
  /** The consumers by name (null when the environment does not run one). */
  readonly consumers: ReadonlyMap<string, ConsumerHandle | null>;
  /** For `ServiceMetrics.observeEvents` of the service kit. */
  readonly metricsSource: ReturnType<typeof eventsMetricsSource>;
  /** The broker answers (for `/ready`). */
  readonly readiness: { readonly name: string; check(): Promise<unknown> };
  /** Consumers joined, then the relay, then the housekeeping (run once the signal handlers are in place). */
  readonly onStart: readonly ServiceEventsStep[];
  /** The reverse: housekeeping, relay, then the consumers (each finishes what it holds). */
  readonly onShutdown: readonly ServiceEventsStep[];
}

/**
 * The events side every service runs the same way: one Kafka client, its consumer groups (started now, joined by the start
 * steps), the outbox relay (single active per service by its advisory lock), the housekeeping purge, their metrics and the
 * broker's readiness check. Services differ only in their consumers and handlers.
 */
export function createServiceEvents<TTx extends SqlExecutor>(options: ServiceEventsOptions<TTx>): ServiceEvents {
  const { config, service } = options;
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: service });
  const consumers = new Map<string, ConsumerHandle | null>();
  const started: Array<{ spec: ServiceConsumer<TTx>; handle: ConsumerHandle | null }> = [];
  for (const spec of options.consumers ?? []) {
    if (spec.enabled && !options.transaction) throw new Error(`${service}: consumer ${spec.name} needs a transaction runner`);
    const handle =
      spec.enabled && options.transaction
        ? startConsumer({
            kafka,
            groupId: spec.groupId,
            deadLetterTopic: spec.deadLetterTopic,
            topics: spec.topics,
            topicPrefix: config.KAFKA_TOPIC_PREFIX,
            handlers: spec.handlers,
            batchHandlers: spec.batchHandlers,
            partitionsConsumedConcurrently: spec.partitionsConsumedConcurrently,
            transaction: options.transaction,
          })
        : null;
    consumers.set(spec.name, handle);
    started.push({ spec, handle });
  }
  const relay = config.OUTBOX_RELAY_ENABLED
    ? new OutboxRelay({ databaseUrl: config.DATABASE_URL, service, kafka, topicPrefix: config.KAFKA_TOPIC_PREFIX })
    : null;
  const housekeeper = housekeeperFromConfig(config, service, options.logger);
  const metricsSource = eventsMetricsSource({
    relay,
    housekeeper,
    consumers: started.map(({ spec, handle }) => ({ group: spec.groupId, topics: spec.topics, handle })),
    brokers: config.KAFKA_BROKERS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  return {
    kafka,
    relay,
    housekeeper,
    consumers,
    metricsSource,
    readiness: { name: 'kafka', check: () => waitForBroker(config.KAFKA_BROKERS, 1500) },
    onStart: [
      ...started.map(({ spec, handle }) => ({ name: spec.name, run: async () => handle?.ready })),
      { name: 'outbox relay', run: async () => relay?.start() },
      { name: 'events housekeeping', run: async () => housekeeper?.start() },
    ],
    onShutdown: [
      { name: 'events housekeeping', run: async () => housekeeper?.stop() },
      { name: 'outbox relay', run: async () => relay?.stop() },
      ...[...started].reverse().map(({ spec, handle }) => ({ name: spec.name, run: async () => handle?.stop() })),
    ],
  };
}
