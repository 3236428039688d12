import { ConfigResourceTypes } from 'kafkajs';
import { connectAdmin } from './admin-client';

/** A topic as the broker reports it. */
export interface TopicDescription {
  name: string;
  partitions: number;
  retentionMs: number;
  cleanupPolicy: string;
}

/** Reads partition counts and the retention and cleanup settings of existing topics. */
export async function describeTopics(brokers: string[], names: readonly string[]): Promise<TopicDescription[]> {
  if (names.length === 0) return [];
  const admin = await connectAdmin(brokers, 'antt-describe');
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [...names] });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms', 'cleanup.policy'] })),
    });
    return metadata.topics.map((topic) => {
      const entries = configs.resources.find((resource) => resource.resourceName === topic.name)?.configEntries ?? [];
      const value = (key: string): string => entries.find((entry) => entry.configName === key)?.configValue ?? '';
      return {
        name: topic.name,
        partitions: topic.partitions.length,
        retentionMs: Number(value('retention.ms')),
        cleanupPolicy: value('cleanup.policy'),
      };
    });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes topics (test clean-up); names that do not exist are ignored. */
export async function deleteTopics(brokers: string[], names: readonly string[]): Promise<void> {
  const admin = await connectAdmin(brokers, 'antt-delete');
  try {
    const existing = new Set(await admin.listTopics());
    const toDelete = names.filter((name) => existing.has(name));
    if (toDelete.length > 0) await admin.deleteTopics({ topics: toDelete, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes every record the topics hold (Kafka's DeleteRecords up to each partition's end): the topics and their offsets
 * stay, and the next record gets the next offset. Names that do not exist are ignored. Resolves with the number of
 * records deleted per topic that held any.
 */
export async function deleteAllRecords(brokers: string[], names: readonly string[]): Promise<Record<string, number>> {
  const admin = await connectAdmin(brokers, 'antt-delete-records');
  try {
    const existing = new Set(await admin.listTopics());
    const deleted: Record<string, number> = {};
    for (const topic of names.filter((name) => existing.has(name))) {
      const held = (await admin.fetchTopicOffsets(topic)).filter((partition) => Number(partition.high) > Number(partition.low));
      if (held.length === 0) continue;
      await admin.deleteTopicRecords({ topic, partitions: held.map((partition) => ({ partition: partition.partition, offset: partition.high })) });
      deleted[topic] = held.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    }
    return deleted;
  } finally {
    await admin.disconnect();
  }
}

/** How many records a topic holds now (sum over partitions of the latest minus the earliest offset). */
export async function topicRecordCount(brokers: string[], topic: string): Promise<number> {
  const admin = await connectAdmin(brokers, 'antt-offsets');
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}
