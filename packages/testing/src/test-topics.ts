import { TOPICS } from '@antt/contracts';
import { deleteTopics, ensureTopics } from '@antt/events';
import { getTestInfra } from './get-test-infra';
import { uniqueName } from './unique-name';

/** A topic a test needs; unset fields default to 1 partition, kept forever, delete policy. */
export interface TestTopicSpec {
  name: string;
  partitions?: number;
  retentionMs?: number;
  cleanupPolicy?: 'delete' | 'compact';
}

/** Topics created for one test (file); delete them in `afterAll`. */
export interface TestTopics {
  names: string[];
  /** Deletes the topics. */
  drop(): Promise<void>;
}

/**
 * Creates the topics on the test broker, or on `options.brokers` (a private broker), with broker auto-creation off. Give
 * them unique names (`uniqueName`), or reuse the declared `TOPICS` of `@antt/contracts` when a test must exercise the
 * real topic.
 */
export async function createTestTopics(specs: readonly TestTopicSpec[], options: { brokers?: string[] } = {}): Promise<TestTopics> {
  const kafkaBrokers = options.brokers ?? (await getTestInfra()).kafkaBrokers;
  const topics = specs.map((spec) => ({
    name: spec.name,
    partitions: spec.partitions ?? 1,
    retentionMs: spec.retentionMs ?? -1,
    cleanupPolicy: spec.cleanupPolicy ?? ('delete' as const),
  }));
  await ensureTopics(kafkaBrokers, topics);
  const names = topics.map((topic) => topic.name);
  return { names, drop: () => deleteTopics(kafkaBrokers, names) };
}

/** The platform's declared topics under a prefix of their own, for services started by a test on a shared broker. */
export interface IsolatedTopics {
  /** Give it to the services as `KAFKA_TOPIC_PREFIX`. */
  prefix: string;
  drop(): Promise<void>;
}

/**
 * Creates every declared topic (`TOPICS` of `@antt/contracts`) under a unique prefix, so that the services a test starts
 * publish and consume there and never touch a developer's running platform on the same broker.
 */
export async function createIsolatedTopics(): Promise<IsolatedTopics> {
  const prefix = `${uniqueName('t')}.`;
  const topics = await createTestTopics(
    TOPICS.map((topic) => ({ ...topic, name: `${prefix}${topic.name}` })),
  );
  return { prefix, drop: topics.drop };
}
