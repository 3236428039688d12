import { ensureTopics } from './ensure-topics';
import { topicConfigEntries } from './topic-spec';

const spec = { name: 'a.topic', partitions: 3, retentionMs: -1, cleanupPolicy: 'delete' as const };

describe('ensureTopics validation (before any broker call)', () => {
  it('refuses a topic declared twice', async () => {
    await expect(ensureTopics(['127.0.0.1:1'], [spec, { ...spec, partitions: 1 }])).rejects.toThrow('Topic a.topic is declared twice.');
  });

  it('refuses a partition count that is not a positive whole number', async () => {
    await expect(ensureTopics(['127.0.0.1:1'], [{ ...spec, partitions: 0 }])).rejects.toThrow(/positive whole number of partitions/);
  });
});

describe('topicConfigEntries', () => {
  it('maps retention and cleanup policy to Kafka topic configs', () => {
    expect(topicConfigEntries({ ...spec, retentionMs: 86_400_000, cleanupPolicy: 'compact' })).toEqual([
      { name: 'retention.ms', value: '86400000' },
      { name: 'cleanup.policy', value: 'compact' },
    ]);
  });
});
