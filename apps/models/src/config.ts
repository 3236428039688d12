import { CONSUMER_GROUPS } from '@antt/contracts';
import { eventsHousekeepingConfigShape } from '@antt/events';
import { commaListSchema, loadConfig, portSchema } from '@antt/service-kit';
import { z } from 'zod';

/** models' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const modelsConfigShape = {
  ...eventsHousekeepingConfigShape,
  PORT: portSchema(4004),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /**
   * Consumer group of the unit directory; a new group rebuilds the directory from the start of the topic. Its own name (not
   * campaigns' UNIT_DIRECTORY_GROUP_ID) so that an environment shared by both services never puts them in one group.
   */
  MODELS_UNIT_DIRECTORY_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.modelsUnitDirectory),
  /** "Today" (founding, review and dissolution dates may not lie after it) is taken in this zone. */
  MODELS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /** The earliest date a caller may name; earlier ones are typos (DATE_OUT_OF_RANGE). */
  MODELS_EARLIEST_DATE: z.iso.date().default('1990-01-01'),
  /** The latest such date (no 9999-12-31). */
  MODELS_LATEST_DATE: z.iso.date().default('2100-12-31'),
  /** INEFFECTIVE ratings in consecutive windows after which a model is proposed for dissolution. */
  MODELS_INEFFECTIVE_STREAK: z.coerce.number().int().min(1).max(10).default(2),
  /** A running model whose members had no training in this many days up to a date is flagged (`trainingOverdue`). */
  MODELS_TRAINING_PERIOD_DAYS: z.coerce.number().int().min(1).max(3660).default(365),
  /**
   * Seconds a process keeps its copy of the evaluation window rules for reads (statistics' default year, `Unit.hasEffectiveModel`);
   * a version added through this process is seen at once, one added through another replica after at most this long. Reviews
   * always read the rules in their own transaction.
   */
  MODELS_WINDOW_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Start the outbox relay with the server (tests and one-off tools may run without it). */
  OUTBOX_RELAY_ENABLED: z.stringbool().default(true),
  /** Run the unit directory consumer (in-process tests feed the directory directly). */
  UNIT_DIRECTORY_CONSUMER_ENABLED: z.stringbool().default(true),
};

export type ModelsConfig = ReturnType<typeof loadModelsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadModelsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(modelsConfigShape, env);
}
