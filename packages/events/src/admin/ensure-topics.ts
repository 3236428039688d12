import { type Admin, ConfigResourceTypes } from 'kafkajs';
import { connectAdmin } from './admin-client';
import { type AdminLogger, type TopicSpec, topicConfigEntries } from './topic-spec';

/** What {@link ensureTopics} did, topic by topic. */
export interface EnsureTopicsResult {
  created: string[];
  reconfigured: string[];
  grown: string[];
  unchanged: string[];
}

const silent: AdminLogger = { info: () => undefined };

/**
 * Applies the declared topics idempotently: creates the missing ones, aligns `retention.ms` and `cleanup.policy` of the
 * existing ones, and adds partitions where fewer exist than declared (Kafka cannot remove partitions, so more is left as is).
 */
export async function ensureTopics(
  brokers: string[],
  topics: readonly TopicSpec[],
  logger: AdminLogger = silent,
): Promise<EnsureTopicsResult> {
  assertDistinct(topics);
  const admin = await connectAdmin(brokers, 'antt-topics');
  try {
    return await applyTopics(admin, topics, logger);
  } finally {
    await admin.disconnect();
  }
}

async function applyTopics(admin: Admin, topics: readonly TopicSpec[], logger: AdminLogger): Promise<EnsureTopicsResult> {
  const result: EnsureTopicsResult = { created: [], reconfigured: [], grown: [], unchanged: [] };
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.name));
  const present = topics.filter((topic) => existing.has(topic.name));

  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: 1,
        configEntries: topicConfigEntries(topic),
      })),
    });
    for (const topic of missing) {
      result.created.push(topic.name);
      logger.info(`topic ${topic.name}: created (${topic.partitions} partitions)`);
    }
  }
  if (present.length === 0) return result;

  const metadata = await admin.fetchTopicMetadata({ topics: present.map((topic) => topic.name) });
  const partitionCounts = new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: present.map((topic) => ({
      type: ConfigResourceTypes.TOPIC,
      name: topic.name,
      configNames: ['retention.ms', 'cleanup.policy'],
    })),
  });
  const currentConfig = new Map(
    configs.resources.map((resource) => [
      resource.resourceName,
      new Map(resource.configEntries.map((entry) => [entry.configName, entry.configValue])),
    ]),
  );

  for (const topic of present) {
    let changed = false;
    const wanted = topicConfigEntries(topic);
    const current = currentConfig.get(topic.name);
    if (wanted.some((entry) => current?.get(entry.name) !== entry.value)) {
      // An incremental alter is not in KafkaJS; a full alter resets every other topic override, and these two are all we set.
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic.name, configEntries: wanted }],
      });
      result.reconfigured.push(topic.name);
      logger.info(`topic ${topic.name}: config updated (${wanted.map((e) => `${e.name}=${e.value}`).join(', ')})`);
      changed = true;
    }
    const count = partitionCounts.get(topic.name) ?? 0;
    if (count < topic.partitions) {
      await admin.createPartitions({ validateOnly: false, topicPartitions: [{ topic: topic.name, count: topic.partitions }] });
      result.grown.push(topic.name);
      logger.info(`topic ${topic.name}: partitions ${count} -> ${topic.partitions}`);
      changed = true;
    } else if (count > topic.partitions) {
      logger.info(`topic ${topic.name}: has ${count} partitions, more than the declared ${topic.partitions}; left as is`);
    }
    if (!changed) result.unchanged.push(topic.name);
  }
  return result;
}

function assertDistinct(topics: readonly TopicSpec[]): void {
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.name)) throw new Error(`Topic ${topic.name} is declared twice.`);
    if (!Number.isInteger(topic.partitions) || topic.partitions < 1) {
      throw new Error(`Topic ${topic.name} must have a positive whole number of partitions.`);
    }
    seen.add(topic.name);
  }
}
