import { kafkaContainerEnvironment } from './kafka-container-env';

describe('kafkaContainerEnvironment', () => {
  const env = kafkaContainerEnvironment('localhost', 32_811);

  it('advertises the published port to clients and keeps broker traffic on an internal listener', () => {
    expect(env['KAFKA_ADVERTISED_LISTENERS']).toBe('PLAINTEXT://localhost:19092,EXTERNAL://localhost:32811');
    expect(env['KAFKA_LISTENERS']).toContain('EXTERNAL://0.0.0.0:9092');
    expect(env['KAFKA_INTER_BROKER_LISTENER_NAME']).toBe('PLAINTEXT');
  });

  it('matches the local broker: KRaft single node, auto-creation off, internal topics at replication factor 1', () => {
    expect(env['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(env['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
    expect(env['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR']).toBe('1');
    expect(env['KAFKA_TRANSACTION_STATE_LOG_MIN_ISR']).toBe('1');
    expect(env['KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR']).toBe('1');
    expect(env['KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS']).toBe('0');
  });

  it('has a cluster id Kafka accepts: 16 bytes in base64url', () => {
    expect(Buffer.from(env['CLUSTER_ID'] ?? '', 'base64url')).toHaveLength(16);
    expect(env['CLUSTER_ID']).toHaveLength(22);
  });
});
