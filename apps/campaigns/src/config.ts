import { CONSUMER_GROUPS } from '@antt/contracts';
import { eventsHousekeepingConfigShape } from '@antt/events';
import { type ConfigIssue, checkPersonalDataKeys, commaListSchema, loadConfig, personalDataKeySchema, portSchema } from '@antt/service-kit';
import { z } from 'zod';

/** Development-only pledge keys (32 bytes, hex): production refuses to start with them. */
export const DEV_PLEDGE_HASH_KEY = '6465762d706c656467652d686173682d6b65792d6e6f742d666f722d70726f64';
export const DEV_PLEDGE_ENCRYPTION_KEY = '6465762d706c656467652d656e632d6b65792d2d6e6f742d666f722d70726f64';

/** The development pledge keys, for tools and tests outside the service's config (demo, benchmark). */
export const DEV_PLEDGE_KEYS = { hashKeyHex: DEV_PLEDGE_HASH_KEY, encryptionKeyHex: DEV_PLEDGE_ENCRYPTION_KEY };

/** campaigns' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const campaignsConfigShape = {
  ...eventsHousekeepingConfigShape,
  PORT: portSchema(4002),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /** Consumer group of the unit directory; a new group rebuilds the directory from the start of the topic. */
  UNIT_DIRECTORY_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.campaignsUnitDirectory),
  /** "Today" (registration dates, late flags, launches) is taken in this zone. */
  CAMPAIGNS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /** The earliest date a campaign, a registration or an "as of" read may name; earlier ones are typos (DATE_OUT_OF_RANGE). */
  CAMPAIGNS_EARLIEST_DATE: z.iso.date().default('2000-01-01'),
  /** The latest such date (no 9999-12-31). */
  CAMPAIGNS_LATEST_DATE: z.iso.date().default('2100-12-31'),
  /** Days before a deadline its reminder (`campaigns.deadline.approaching`) goes out. */
  DEADLINE_NOTICE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** How often the deadline scheduler runs; 0 turns it off. Every replica may run it: each notice goes out once. */
  DEADLINE_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(15 * 60 * 1000),
  /** Start the outbox relay with the server (tests and one-off tools may run without it). */
  OUTBOX_RELAY_ENABLED: z.stringbool().default(true),
  /** Run the unit directory consumer (in-process tests feed the directory directly). */
  UNIT_DIRECTORY_CONSUMER_ENABLED: z.stringbool().default(true),
  /** HMAC-SHA256 key of the pledges' duplicate-detection hashes (citizen IDs, names). Changing it orphans every stored hash. */
  PLEDGE_HASH_KEY: personalDataKeySchema(DEV_PLEDGE_HASH_KEY),
  /** AES-256-GCM key of the pledges' stored citizen IDs. */
  PLEDGE_ENCRYPTION_KEY: personalDataKeySchema(DEV_PLEDGE_ENCRYPTION_KEY),
  /** Consumer group of the attainment read model (assessments' recognitions and classifications). */
  ATTAINMENT_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.campaignsAttainment),
  /** Run the attainment consumer. */
  ATTAINMENT_CONSUMER_ENABLED: z.stringbool().default(true),
};

/** Production refuses the development pledge keys, and one key used for both purposes (the service kit's check). */
export function checkPledgeKeys(config: { NODE_ENV: string; PLEDGE_HASH_KEY: string; PLEDGE_ENCRYPTION_KEY: string }): ConfigIssue[] {
  return checkPersonalDataKeys(config, { hashKey: 'PLEDGE_HASH_KEY', encryptionKey: 'PLEDGE_ENCRYPTION_KEY' }, DEV_PLEDGE_KEYS);
}

export type CampaignsConfig = ReturnType<typeof loadCampaignsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadCampaignsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(campaignsConfigShape, env, checkPledgeKeys);
}
