import { readInfraEnv } from './config';
import { SERVICE_DATABASES } from './service-databases';

describe('readInfraEnv', () => {
  it('has defaults for an empty environment', () => {
    expect(readInfraEnv({})).toEqual({
      databaseAdminUrl: undefined,
      serviceDatabaseUrls: {},
      serviceDatabasePasswords: {},
      kafkaBrokers: undefined,
      kafkaVersion: '4.1.1',
      javaHome: undefined,
    });
  });

  it('reads the admin URL, per-service URLs and a comma-separated broker list', () => {
    const env = readInfraEnv({
      DATABASE_ADMIN_URL: 'postgres://a@h/postgres',
      ORG_UNITS_DATABASE_URL: 'postgres://o@h/ou',
      AWARDS_DATABASE_URL: ' ',
      KAFKA_BROKERS: ' k1:9092, k2:9092 ,',
    });
    expect(env.databaseAdminUrl).toBe('postgres://a@h/postgres');
    expect(env.serviceDatabaseUrls).toEqual({ 'org-units': 'postgres://o@h/ou' });
    expect(readInfraEnv({ CAMPAIGNS_DB_PASSWORD: 'secret', GATEWAY_DB_PASSWORD: ' ' }).serviceDatabasePasswords).toEqual({ campaigns: 'secret' });
    expect(env.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it('declares one database per service, named as in the conventions', () => {
    expect(Object.values(SERVICE_DATABASES).map((entry) => entry.database)).toEqual([
      'antt_org_units',
      'antt_campaigns',
      'antt_assessments',
      'antt_models',
      'antt_awards',
      'antt_gateway',
    ]);
  });
});
