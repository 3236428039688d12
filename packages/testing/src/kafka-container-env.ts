/** Port of the listener published to the host by the Kafka container. */
export const KAFKA_CONTAINER_PORT = 9092;

/**
 * Environment of an `apache/kafka` container as a single-node KRaft broker with the same settings as the local broker
 * and docker-compose.yml: auto-creation off, internal topics at replication factor 1, no initial rebalance delay. The
 * EXTERNAL listener is advertised at the host address the tests connect to; the broker's own traffic uses an internal one.
 */
export function kafkaContainerEnvironment(advertisedHost: string, advertisedPort: number): Record<string, string> {
  return {
    CLUSTER_ID: 'YW50dC10ZXN0LWthZmthIQ',
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
    KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:19092,CONTROLLER://0.0.0.0:9093,EXTERNAL://0.0.0.0:${KAFKA_CONTAINER_PORT}`,
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:19092,EXTERNAL://${advertisedHost}:${advertisedPort}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,EXTERNAL:PLAINTEXT',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    KAFKA_NUM_PARTITIONS: '1',
    KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
    KAFKA_MIN_INSYNC_REPLICAS: '1',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    KAFKA_HEAP_OPTS: '-Xms512m -Xmx1g',
  };
}
