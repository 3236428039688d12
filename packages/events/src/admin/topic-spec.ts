/**
 * What a topic must look like on the broker. Structurally the same as an entry of `TOPICS` in `@antt/contracts`.
 */
export interface TopicSpec {
  name: string;
  partitions: number;
  /** Retention in milliseconds; -1 keeps records forever. */
  retentionMs: number;
  cleanupPolicy: 'delete' | 'compact';
  description?: string;
}

/** Minimal logger the admin helpers report progress to. */
export interface AdminLogger {
  info(message: string): void;
}

/** The topic-level configs a {@link TopicSpec} controls, as Kafka config entries. */
export function topicConfigEntries(spec: TopicSpec): Array<{ name: string; value: string }> {
  return [
    { name: 'retention.ms', value: String(spec.retentionMs) },
    { name: 'cleanup.policy', value: spec.cleanupPolicy },
  ];
}
