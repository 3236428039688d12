import { readTestKitSettings } from './settings';

describe('readTestKitSettings', () => {
  it('defaults to no given services and the pinned images', () => {
    expect(readTestKitSettings({})).toEqual({
      databaseAdminUrl: undefined,
      kafkaBrokers: undefined,
      forceLocal: false,
      postgresImage: 'postgres:16-alpine',
      kafkaImage: 'apache/kafka:4.1.1',
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('reads given services and the local override', () => {
    const settings = readTestKitSettings({
      DATABASE_ADMIN_URL: 'postgres://u@h/postgres',
      KAFKA_BROKERS: 'a:1,b:2',
      ANTT_TEST_INFRA: 'local',
      REDIS_URL: 'redis://cache:6380/3',
    });
    expect(settings.redisUrl).toBe('redis://cache:6380/3');
    expect(settings.databaseAdminUrl).toBe('postgres://u@h/postgres');
    expect(settings.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(settings.forceLocal).toBe(true);
  });
});
