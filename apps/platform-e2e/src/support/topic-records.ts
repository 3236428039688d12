import { tailTopic, topicRecordCount } from '@antt/events';

/**
 * How many records now on `topic` are keyed by one of `keys` (the relay keys a record by its aggregate id): what a spec counts
 * on a topic the whole shared stack writes to. Reads the topic from its start with a throwaway group that commits nothing.
 */
export async function recordsKeyedBy(brokers: string[], topic: string, keys: Iterable<string>): Promise<number> {
  const wanted = new Set(keys);
  const total = await topicRecordCount(brokers, topic);
  if (total === 0) return 0;
  let matching = 0;
  const read = await tailTopic(
    brokers,
    topic,
    (record) => {
      if (record.key !== null && wanted.has(record.key)) matching += 1;
    },
    { fromBeginning: true, max: total, signal: AbortSignal.timeout(30_000) },
  );
  if (read < total) throw new Error(`Read ${read} of the ${total} records on ${topic} in 30 s`);
  return matching;
}
