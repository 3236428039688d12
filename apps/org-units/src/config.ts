import { eventsHousekeepingConfigShape } from '@antt/events';
import { commaListSchema, loadConfig, portSchema } from '@antt/service-kit';
import { z } from 'zod';

/** The dates org-units accepts by default: a typo such as 9999-12-31 is refused, any real plan fits. */
export const DEFAULT_DATE_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const;

/** org-units' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const orgUnitsConfigShape = {
  ...eventsHousekeepingConfigShape,
  PORT: portSchema(4001),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  /** "Today" for as-of defaults and effective dates is taken in this zone. */
  ORG_UNITS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /** The earliest date a change or an "as of" read may name; earlier ones are refused as typos (DATE_OUT_OF_RANGE). */
  ORG_UNITS_EARLIEST_DATE: z.iso.date().default(DEFAULT_DATE_RANGE.earliest),
  /** The latest date a change or an "as of" read may name (no 9999-12-31). */
  ORG_UNITS_LATEST_DATE: z.iso.date().default(DEFAULT_DATE_RANGE.latest),
  /** Start the outbox relay with the server (tests and one-off tools may run without it). */
  OUTBOX_RELAY_ENABLED: z.stringbool().default(true),
};

export type OrgUnitsConfig = ReturnType<typeof loadOrgUnitsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadOrgUnitsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(orgUnitsConfigShape, env);
}
