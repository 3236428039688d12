import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { connectAdmin } from './admin-client';

/** One partition of a group's lag. `committed` is null when the group never committed there (it starts where it is told). */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly committed: number | null;
  /** The partition's high watermark: the offset the next record will get. */
  readonly end: number;
  /** Records not yet consumed (from the start of the log when nothing was committed). */
  readonly lag: number;
}

/** A consumer group as the broker sees it. */
export interface ConsumerGroupLag {
  readonly groupId: string;
  /** `Stable`, `Empty` (no member: the service is stopped), `PreparingRebalance`, `Dead` (unknown group), … */
  readonly state: string;
  readonly members: number;
  readonly partitions: readonly PartitionLag[];
  readonly totalLag: number;
}

/** Committed offsets against the end of each partition of `topics`, per partition, for one group. */
export async function consumerGroupLag(brokers: string[], groupId: string, topics: readonly string[]): Promise<ConsumerGroupLag> {
  const admin = await connectAdmin(brokers, 'antt-events-lag');
  try {
    const [description] = (await admin.describeGroups([groupId])).groups;
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const partitions: PartitionLag[] = [];
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const starts = new Map((await admin.fetchTopicOffsetsByTimestamp(topic, 0)).map((entry) => [entry.partition, Number(entry.offset)]));
      const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of ends.sort((a, b) => a.partition - b.partition)) {
        const raw = offsets.find((entry) => entry.partition === end.partition)?.offset;
        const value = raw === undefined || Number(raw) < 0 ? null : Number(raw);
        const high = Number(end.high);
        const from = value ?? starts.get(end.partition) ?? Number(end.low);
        partitions.push({ topic, partition: end.partition, committed: value, end: high, lag: Math.max(0, high - from) });
      }
    }
    return {
      groupId,
      state: description?.state ?? 'Dead',
      members: description?.members.length ?? 0,
      partitions,
      totalLag: partitions.reduce((sum, partition) => sum + partition.lag, 0),
    };
  } finally {
    await admin.disconnect();
  }
}

/** Thrown by {@link resetGroupToEarliest} when the group still has members: offsets of a running consumer cannot be moved. */
export class GroupStillActiveError extends Error {
  constructor(
    readonly groupId: string,
    readonly members: number,
  ) {
    super(`consumer group ${groupId} has ${members} running member(s): stop the service that consumes with it first`);
    this.name = 'GroupStillActiveError';
  }
}

/**
 * Moves a stopped group back to the start of each of `topics`: its service re-reads every record when it starts again.
 * Refused while the group has members.
 */
export async function resetGroupToEarliest(brokers: string[], groupId: string, topics: readonly string[]): Promise<void> {
  const admin = await connectAdmin(brokers, 'antt-events-replay');
  try {
    const [description] = (await admin.describeGroups([groupId])).groups;
    const members = description?.members.length ?? 0;
    if (members > 0) throw new GroupStillActiveError(groupId, members);
    // The first offset still in each partition's log, committed as such (kafkajs' `resetOffsets` commits the -2 marker,
    // which the consumer resolves only if it has no reset policy of its own, and which tools show as no offset).
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId, topic, partitions: offsets.map((entry) => ({ partition: entry.partition, offset: entry.low })) });
    }
  } finally {
    await admin.disconnect();
  }
}

/** A record as {@link tailTopic} hands it over. */
export interface TailedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** What to read. */
export interface TailOptions {
  /** Read from the start of the log (default: only records that arrive from now on). */
  readonly fromBeginning?: boolean;
  /** Stop after this many records (default: until `idleMs` passes without a record, or `signal` aborts). */
  readonly max?: number;
  /** Stop once no record arrived for this long (default: never). */
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Reads `topic` with a throwaway group that commits nothing (it is deleted at the end), so tailing never moves any
 * service's offsets. Resolves with the number of records read.
 */
export async function tailTopic(
  brokers: string[],
  topic: string,
  onRecord: (record: TailedRecord) => void,
  options: TailOptions = {},
): Promise<number> {
  const groupId = `antt-events-tail-${randomUUID()}`;
  const kafka = new Kafka({ clientId: 'antt-events-tail', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let seen = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const armIdle = (): void => {
    if (options.idleMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(finish, options.idleMs);
  };
  options.signal?.addEventListener('abort', () => finish(), { once: true });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: from, partition, message }) => {
        if (options.max !== undefined && seen >= options.max) return;
        seen += 1;
        armIdle();
        onRecord({
          topic: from,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value ?? '')]),
          ),
        });
        if (options.max !== undefined && seen >= options.max) finish();
      },
    });
    armIdle();
    if (options.signal?.aborted) finish();
    await finished;
  } finally {
    clearTimeout(idleTimer);
    await consumer.disconnect().catch(() => undefined);
    const admin = await connectAdmin(brokers, 'antt-events-tail').catch(() => null);
    await admin?.deleteGroups([groupId]).catch(() => undefined);
    await admin?.disconnect();
  }
  return seen;
}

/**
 * Deletes those of the consumer groups that exist (tests and tools clean up the groups they made; `npm start` forgets the
 * offsets of a service whose database it created anew). A group must have no members. Resolves with the groups deleted.
 */
export async function deleteConsumerGroups(brokers: string[], groupIds: readonly string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const admin = await connectAdmin(brokers, 'antt-events-groups');
  try {
    const { groups } = await admin.listGroups();
    const present = groupIds.filter((groupId) => groups.some((group) => group.groupId === groupId));
    if (present.length > 0) await admin.deleteGroups(present);
    return present;
  } finally {
    await admin.disconnect();
  }
}
