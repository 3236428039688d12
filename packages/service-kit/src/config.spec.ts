import { KNOWN_DEV_SECRETS } from '@antt/auth';
import { z } from 'zod';
import { ConfigError, DEV_GATEWAY_SIGNING_KEY, commaListSchema, loadConfig, portSchema } from './config';

const shape = { PORT: portSchema(4001), DATABASE_URL: z.url(), KAFKA_BROKERS: commaListSchema() };
const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/antt_org_units', KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093' };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('merges the base schema with the service shape and applies defaults', () => {
    const config = loadConfig(shape, valid);
    expect(config).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 4001,
      LOG_LEVEL: 'info',
      LOG_PRETTY: false,
      METRICS_ENABLED: true,
      GATEWAY_SIGNING_KEY: DEV_GATEWAY_SIGNING_KEY,
      GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS: 30,
      OTEL_TRACES_SAMPLER_ARG: 1,
      DATABASE_URL: valid.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
    });
  });

  it('coerces numbers and booleans from strings', () => {
    const config = loadConfig(shape, { ...valid, PORT: '0', LOG_PRETTY: 'true', LOG_LEVEL: 'debug' });
    expect([config.PORT, config.LOG_PRETTY, config.LOG_LEVEL]).toEqual([0, true, 'debug']);
  });

  it('lists every bad variable in one message', () => {
    const error = configError(() =>
      loadConfig(shape, { NODE_ENV: 'staging', PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: '' }),
    );
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'NODE_ENV', 'PORT']);
    expect(error.issues.find((issue) => issue.variable === 'KAFKA_BROKERS')?.message).toBe('required');
    expect(error.message).toMatch(/^Invalid configuration:\n {2}- /);
    expect(error.message.split('\n')).toHaveLength(5);
  });

  it('requires GATEWAY_SIGNING_KEY in production, alongside the other issues', () => {
    const error = configError(() => loadConfig(shape, { NODE_ENV: 'production', DATABASE_URL: valid.DATABASE_URL }));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { variable: 'GATEWAY_SIGNING_KEY', message: 'required in production' },
        { variable: 'KAFKA_BROKERS', message: 'required' },
      ]),
    );
  });

  it('refuses, in production, any variable set to a development secret published in the repository', () => {
    for (const secret of KNOWN_DEV_SECRETS) {
      const error = configError(() =>
        loadConfig({ ...shape, JWT_HS256_SECRET: z.string().optional() }, { ...valid, NODE_ENV: 'production', GATEWAY_SIGNING_KEY: secret, JWT_HS256_SECRET: secret }),
      );
      expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['GATEWAY_SIGNING_KEY', 'JWT_HS256_SECRET']);
      expect(error.message).toContain('development secret published in the repository');
    }
    expect(loadConfig(shape, { ...valid, NODE_ENV: 'test', GATEWAY_SIGNING_KEY: DEV_GATEWAY_SIGNING_KEY }).GATEWAY_SIGNING_KEY).toBe(DEV_GATEWAY_SIGNING_KEY);
  });

  it('uses the given key in production and refuses short keys', () => {
    const key = 'k'.repeat(40);
    expect(loadConfig(shape, { ...valid, NODE_ENV: 'production', GATEWAY_SIGNING_KEY: key }).GATEWAY_SIGNING_KEY).toBe(key);
    expect(configError(() => loadConfig(shape, { ...valid, GATEWAY_SIGNING_KEY: 'short' })).issues[0]?.variable).toBe(
      'GATEWAY_SIGNING_KEY',
    );
  });

  it('requires PORT when the service gives no default', () => {
    expect(configError(() => loadConfig({}, {})).issues).toEqual([{ variable: 'PORT', message: 'required' }]);
  });

  it('runs cross-variable checks on the parsed values', () => {
    const error = configError(() =>
      loadConfig(shape, valid, (config) =>
        config.KAFKA_BROKERS.length < 3 ? [{ variable: 'KAFKA_BROKERS', message: 'needs three brokers' }] : [],
      ),
    );
    expect(error.message).toBe('Invalid configuration:\n  - KAFKA_BROKERS: needs three brokers');
  });
});
