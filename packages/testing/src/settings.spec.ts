import { readTestKitSettings } from './settings';

describe('readTestKitSettings', () => {
  it('defaults to no given services and the pinned images', () => {
    expect(readTestKitSettings({})).toEqual({
      databaseAdminUrl: undefined,
      kafkaBrokers: undefined,
      forceLocal: false,
      postgresImage: 'postgres:16-alpine',
      kafkaImage: 'apache/kafka:4.1.1',
    });
  });

  it('reads given services and the local override', () => {
    const settings = readTestKitSettings({
      DATABASE_ADMIN_URL: 'postgres://u@h/postgres',
      KAFKA_BROKERS: 'a:1,b:2',
      ANTT_TEST_INFRA: 'local',
    });
    expect(settings.databaseAdminUrl).toBe('postgres://u@h/postgres');
    expect(settings.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(settings.forceLocal).toBe(true);
  });
});
