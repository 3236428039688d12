export { ensureTopics, type EnsureTopicsResult } from './ensure-topics';
export { waitForBroker } from './wait-for-broker';
export { deleteAllRecords, describeTopics, deleteTopics, topicRecordCount, type TopicDescription } from './describe-topics';
export { verifyRoundTrip } from './verify-round-trip';
export { type AdminLogger, type TopicSpec, topicConfigEntries } from './topic-spec';
export {
  consumerGroupLag,
  deleteConsumerGroups,
  GroupStillActiveError,
  resetGroupToEarliest,
  tailTopic,
  type ConsumerGroupLag,
  type PartitionLag,
  type TailedRecord,
  type TailOptions,
} from './consumer-groups';
