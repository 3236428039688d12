import { CONSUMER_GROUPS } from '@antt/contracts';
import { eventsHousekeepingConfigShape } from '@antt/events';
import { type ConfigIssue, checkPersonalDataKeys, commaListSchema, loadConfig, personalDataKeySchema, portSchema } from '@antt/service-kit';
import { z } from 'zod';

/** Development-only nominee keys (32 bytes, hex): production refuses to start with them. */
export const DEV_NOMINEE_KEYS = {
  hashKeyHex: '6465762d6e6f6d696e65652d686173682d6b65792d6e6f742d666f722d70726f',
  encryptionKeyHex: '6465762d6e6f6d696e65652d656e632d6b65792d2d6e6f742d666f722d70726f',
};

/** awards' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const awardsConfigShape = {
  ...eventsHousekeepingConfigShape,
  PORT: portSchema(4005),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /** Consumer group of the unit directory; a new group rebuilds the directory from the start of the topic. */
  AWARDS_UNIT_DIRECTORY_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.awardsUnitDirectory),
  /** Consumer group of the fact store (campaigns, registrations, recognitions, classifications); a new group rebuilds it. */
  AWARDS_FACTS_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.awardsFacts),
  /** "Today" (submission, appraisal and decision dates) is taken in this zone. */
  AWARDS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /** The earliest date a caller may name; earlier ones are typos (DATE_OUT_OF_RANGE). */
  AWARDS_EARLIEST_DATE: z.iso.date().default('1990-01-01'),
  /** The latest such date. */
  AWARDS_LATEST_DATE: z.iso.date().default('2100-12-31'),
  /** Start the outbox relay with the server (tests and one-off tools may run without it). */
  OUTBOX_RELAY_ENABLED: z.stringbool().default(true),
  /** Run the unit directory consumer (in-process tests feed the directory directly). */
  UNIT_DIRECTORY_CONSUMER_ENABLED: z.stringbool().default(true),
  /** Run the fact store consumer. */
  FACTS_CONSUMER_ENABLED: z.stringbool().default(true),
  /** HMAC-SHA256 key of nominees' blind index (R19 and the award history of a person). Changing it orphans every stored key. */
  AWARDS_NOMINEE_HASH_KEY: personalDataKeySchema(DEV_NOMINEE_KEYS.hashKeyHex),
  /** AES-256-GCM key of nominees' stored personal fields. */
  AWARDS_NOMINEE_ENCRYPTION_KEY: personalDataKeySchema(DEV_NOMINEE_KEYS.encryptionKeyHex),
};

/** Production refuses the development nominee keys, and one key for both purposes (the service kit's check). */
export function checkNomineeKeys(config: { NODE_ENV: string; AWARDS_NOMINEE_HASH_KEY: string; AWARDS_NOMINEE_ENCRYPTION_KEY: string }): ConfigIssue[] {
  return checkPersonalDataKeys(config, { hashKey: 'AWARDS_NOMINEE_HASH_KEY', encryptionKey: 'AWARDS_NOMINEE_ENCRYPTION_KEY' }, DEV_NOMINEE_KEYS);
}

export type AwardsConfig = ReturnType<typeof loadAwardsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadAwardsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(awardsConfigShape, env, checkNomineeKeys);
}
