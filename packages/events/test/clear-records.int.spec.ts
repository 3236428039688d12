import { createTestTopics, getTestInfra, type TestTopics, uniqueName } from '@antt/testing';
import { Kafka, logLevel } from 'kafkajs';
import { deleteAllRecords, deleteConsumerGroups, topicRecordCount } from '../src';

/** What `npm start` does to the topics and groups of a service whose database it created anew (real Kafka). */
describe('clearing a service\'s past in Kafka', () => {
  let brokers: string[];
  let topics: TestTopics;
  let kafka: Kafka;
  const topic = uniqueName('h3-clear');

  beforeAll(async () => {
    brokers = (await getTestInfra()).kafkaBrokers;
    topics = await createTestTopics([{ name: topic, partitions: 2 }], { brokers });
    kafka = new Kafka({ clientId: 'h3-clear', brokers, logLevel: logLevel.NOTHING });
  });
  afterAll(() => topics?.drop());

  async function produce(count: number, from: number): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: Array.from({ length: count }, (_, index) => ({ key: `k${from + index}`, value: `v${from + index}` })) });
    } finally {
      await producer.disconnect();
    }
  }

  async function ends(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  it('deletes every record a topic holds, keeps the topic and its offsets, and ignores topics that do not exist', async () => {
    await produce(5, 0);
    expect(await topicRecordCount(brokers, topic)).toBe(5);
    expect(await deleteAllRecords(brokers, [topic, `${topic}-missing`])).toEqual({ [topic]: 5 });
    expect(await topicRecordCount(brokers, topic)).toBe(0);
    expect(await deleteAllRecords(brokers, [topic])).toEqual({});

    await produce(2, 5);
    expect(await topicRecordCount(brokers, topic)).toBe(2);
    expect(await ends()).toBe(7);
  });

  it('deletes the consumer groups that exist and says which', async () => {
    const groupId = uniqueName('h3-clear-group');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }, { partition: 1, offset: '0' }] });
      expect((await admin.listGroups()).groups.map((group) => group.groupId)).toContain(groupId);
    } finally {
      await admin.disconnect();
    }
    expect(await deleteConsumerGroups(brokers, [groupId, `${groupId}-missing`])).toEqual([groupId]);
    expect(await deleteConsumerGroups(brokers, [groupId])).toEqual([]);
  });
});
