/** The environment the test kit reads; read once, here. */
export interface TestKitSettings {
  databaseAdminUrl: string | undefined;
  kafkaBrokers: string[] | undefined;
  /** `ANTT_TEST_INFRA=local` skips Testcontainers even where a container runtime answers. */
  forceLocal: boolean;
  postgresImage: string;
  kafkaImage: string;
  /** `REDIS_URL`, else the server of the machine or of docker-compose.yml on 127.0.0.1:6379. */
  redisUrl: string;
}

/** Reads the test kit's settings from the environment. */
export function readTestKitSettings(env: NodeJS.ProcessEnv = process.env): TestKitSettings {
  const brokers = env['KAFKA_BROKERS']
    ?.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  return {
    databaseAdminUrl: env['DATABASE_ADMIN_URL']?.trim() || undefined,
    kafkaBrokers: brokers && brokers.length > 0 ? brokers : undefined,
    forceLocal: env['ANTT_TEST_INFRA'] === 'local',
    postgresImage: env['ANTT_TEST_POSTGRES_IMAGE']?.trim() || 'postgres:16-alpine',
    kafkaImage: env['ANTT_TEST_KAFKA_IMAGE']?.trim() || 'apache/kafka:4.1.1',
    redisUrl: env['REDIS_URL']?.trim() || 'redis://127.0.0.1:6379',
  };
}

/** The Redis tests use (`REDIS_URL`, else 127.0.0.1:6379); tests keep to keys under a prefix of their own. */
export function testRedisUrl(): string {
  return readTestKitSettings().redisUrl;
}
