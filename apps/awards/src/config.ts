import { CONSUMER_GROUPS } from '@antt/contracts';
import { eventsHousekeepingConfigShape } from '@antt/events';
import { commaListSchema, loadConfig, portSchema } from '@antt/service-kit';
import { z } from 'zod';

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
};

export type AwardsConfig = ReturnType<typeof loadAwardsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadAwardsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(awardsConfigShape, env);
}
