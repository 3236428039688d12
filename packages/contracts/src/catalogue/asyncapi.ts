import { type EventContract } from '../define-event';
import { DEAD_LETTER_HEADERS, EventEnvelopeSchema, RECORD_HEADERS } from '../envelope';
import { type TopicSpec } from '../topics';
import { exampleEnvelope } from './example-envelope';
import { envelopeJsonSchema, type JsonSchema, payloadJsonSchema } from './json-schema';
import { type JsonValue } from './yaml';

const KAFKA_BINDING_VERSION = '0.5.0';

function headersSchema(headers: Record<string, string>): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { type: 'string', description }])),
  };
}

function ref(path: string): JsonSchema {
  return { $ref: `#/${path}` };
}

function operationId(topic: string): string {
  return `receive-${topic.replace(/\./g, '-')}`;
}

function retention(topic: TopicSpec): string {
  return topic.retentionMs < 0 ? 'kept forever' : `kept ${Math.round(topic.retentionMs / 86_400_000)} days`;
}

function exampleHeaders(contract: EventContract): JsonSchema {
  const envelope = exampleEnvelope(contract);
  return {
    ce_id: envelope['id'] ?? null,
    ce_type: envelope['type'] ?? null,
    ce_source: envelope['source'] ?? null,
    ce_specversion: envelope['specversion'] ?? null,
    ce_time: envelope['time'] ?? null,
    ce_subject: envelope['subject'] ?? null,
    correlationid: envelope['correlationid'] ?? null,
  };
}

function eventMessage(contract: EventContract, topic: TopicSpec): JsonSchema {
  const envelope = envelopeJsonSchema(EventEnvelopeSchema);
  const properties = { ...(envelope['properties'] as JsonSchema) };
  properties['type'] = { type: 'string', const: contract.fullType };
  properties['data'] = ref(`components/schemas/${contract.fullType}`);
  return {
    name: contract.fullType,
    title: contract.fullType,
    summary: contract.description,
    contentType: 'application/json',
    headers: headersSchema(RECORD_HEADERS),
    payload: { ...envelope, properties },
    bindings: { kafka: { key: { type: 'string', description: topic.key }, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [{ name: 'example', headers: exampleHeaders(contract), payload: exampleEnvelope(contract) }],
  };
}

function deadLetterMessage(): JsonSchema {
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'A record a consumer group could not apply: the original key, value and headers, plus the dlq_* headers.',
    headers: headersSchema({ ...RECORD_HEADERS, ...DEAD_LETTER_HEADERS }),
    payload: { description: 'The original record value, unchanged (usually an envelope, possibly unparseable).' },
  };
}

/** The AsyncAPI 3.0 document: a channel per topic, a message per event contract, payloads from the contracts. */
export function buildAsyncApi(topics: readonly TopicSpec[], contracts: readonly EventContract[]): JsonValue {
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  const schemas: JsonSchema = {};
  for (const topic of topics) {
    const topicContracts = contracts.filter((contract) => contract.topic === topic.name);
    const isDeadLetter = topic.name.endsWith('.dlq');
    const messageIds = isDeadLetter ? ['dead-letter'] : topicContracts.map((contract) => contract.fullType);
    channels[topic.name] = {
      address: topic.name,
      description: `${topic.description} Key: ${topic.key}. ${topic.partitions} partition(s), ${retention(topic)}.`,
      messages: Object.fromEntries(messageIds.map((id) => [id, ref(`components/messages/${id}`)])),
      bindings: {
        kafka: {
          topic: topic.name,
          partitions: topic.partitions,
          topicConfiguration: { 'cleanup.policy': [topic.cleanupPolicy], 'retention.ms': topic.retentionMs },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    operations[operationId(topic.name)] = {
      action: 'receive',
      channel: ref(`channels/${topic.name}`),
      messages: messageIds.map((id) => ref(`channels/${topic.name}/messages/${id}`)),
    };
    for (const contract of topicContracts) {
      messages[contract.fullType] = eventMessage(contract, topic);
      const { $schema: _schema, $id: _id, ...schema } = payloadJsonSchema(contract);
      schemas[contract.fullType] = schema;
    }
  }
  if (topics.some((topic) => topic.name.endsWith('.dlq'))) messages['dead-letter'] = deadLetterMessage();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ANTT platform events',
      version: '1.0.0',
      description:
        'Events of the "whole people protect national security" emulation platform. Generated from @antt/contracts ' +
        '(`npx nx run contracts:generate`); do not edit. Delivery is at least once: deduplicate on the envelope `id`.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'Single-node broker started by `npm run infra:up`.' },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}
