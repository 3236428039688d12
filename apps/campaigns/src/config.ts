import { CONSUMER_GROUPS } from '@antt/contracts';
import { commaListSchema, loadConfig, portSchema } from '@antt/service-kit';
import { z } from 'zod';

/** campaigns' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const campaignsConfigShape = {
  PORT: portSchema(4002),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /** Consumer group of the unit directory; a new group rebuilds the directory from the start of the topic. */
  UNIT_DIRECTORY_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.campaignsUnitDirectory),
};

export type CampaignsConfig = ReturnType<typeof loadCampaignsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadCampaignsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(campaignsConfigShape, env);
}
