import { type Consumer, type ConsumerConfig, Kafka, type LogEntry, logLevel, type Producer } from 'kafkajs';
import { type EventsLogger, silentLogger } from './logger';

/** Verbosity of the Kafka client's own logs. */
export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

/** How to reach the brokers. */
export interface KafkaClientConfig {
  readonly brokers: readonly string[];
  /** Identifies this process to the brokers, e.g. `org-units`. */
  readonly clientId: string;
  /** Receives the Kafka client's logs (pino works). */
  readonly logger?: EventsLogger;
  /** Defaults to `warn`: the client is chatty at `info`. */
  readonly logLevel?: KafkaLogLevel;
  /** Defaults to 3000 ms. */
  readonly connectionTimeoutMs?: number;
  /** Defaults to 30000 ms. */
  readonly requestTimeoutMs?: number;
}

/** One record to publish. */
export interface OutgoingRecord {
  readonly topic: string;
  readonly key: string | null;
  readonly value: string | Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** A producer with the guarantees the platform relies on: idempotent, acks from all in-sync replicas, in order. */
export interface RecordProducer {
  connect(): Promise<void>;
  /** Resolves once every record is acknowledged by all in-sync replicas; records of one partition keep their order. */
  send(records: readonly OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** A connection factory to the brokers; the only handle other packages hold on the Kafka client library. */
export interface KafkaClient {
  readonly clientId: string;
  readonly brokers: readonly string[];
  /** A new idempotent producer (`acks: -1`, `maxInFlightRequests: 1`). */
  createProducer(): RecordProducer;
}

const LEVELS: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

const raw = new WeakMap<KafkaClient, Kafka>();

/** Writes a kafkajs log entry to a pino-like logger. */
export function forwardKafkaLog(logger: EventsLogger, entry: LogEntry): void {
  const { message, ...fields } = entry.log;
  const payload = { kafka: { namespace: entry.namespace, ...fields } };
  switch (entry.level) {
    case logLevel.ERROR:
    case logLevel.NOTHING:
      logger.error(payload, message);
      break;
    case logLevel.WARN:
      logger.warn(payload, message);
      break;
    case logLevel.INFO:
      logger.info(payload, message);
      break;
    default:
      logger.debug(payload, message);
  }
}

function producerOf(kafka: Kafka): RecordProducer {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async send(records) {
      const byTopic = new Map<string, OutgoingRecord[]>();
      for (const record of records) byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((record) => ({ key: record.key, value: record.value, headers: { ...record.headers } })),
        })),
      });
    },
  };
}

/** Creates a Kafka client. Nothing connects until a producer or consumer does. */
export function createKafkaClient(config: KafkaClientConfig): KafkaClient {
  const logger = config.logger ?? silentLogger;
  const kafka = new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectionTimeoutMs ?? 3000,
    requestTimeout: config.requestTimeoutMs ?? 30_000,
    logLevel: LEVELS[config.logLevel ?? 'warn'],
    logCreator: () => (entry) => forwardKafkaLog(logger, entry),
  });
  const client: KafkaClient = {
    clientId: config.clientId,
    brokers: [...config.brokers],
    createProducer: () => producerOf(kafka),
  };
  raw.set(client, kafka);
  return client;
}

function kafkaOf(client: KafkaClient): Kafka {
  const kafka = raw.get(client);
  if (!kafka) throw new Error('KafkaClient was not created by createKafkaClient');
  return kafka;
}

/** Package-internal: a kafkajs consumer on the client's connection settings. */
export function createRawConsumer(client: KafkaClient, config: ConsumerConfig): Consumer {
  return kafkaOf(client).consumer(config);
}

/** Package-internal: the kafkajs admin client (topic management lives in `./admin`). */
export function rawKafka(client: KafkaClient): Kafka {
  return kafkaOf(client);
}
