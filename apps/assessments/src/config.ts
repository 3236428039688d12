import { CONSUMER_GROUPS } from '@antt/contracts';
import { eventsHousekeepingConfigShape } from '@antt/events';
import { commaListSchema, loadConfig, portSchema } from '@antt/service-kit';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** assessments' own variables on top of the base ones (NODE_ENV, HOST, LOG_LEVEL, GATEWAY_SIGNING_KEY, …). */
export const assessmentsConfigShape = {
  ...eventsHousekeepingConfigShape,
  PORT: portSchema(4003),
  DATABASE_URL: z.url(),
  KAFKA_BROKERS: commaListSchema(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Namespace before every topic name (default none), for an environment isolated on a shared broker (tests, benchmarks). */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-" only').default(''),
  /** Consumer group of the unit directory; a new group rebuilds the directory from the start of the topic. */
  ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.assessmentsUnitDirectory),
  /** Consumer group of the facts derived rules use (campaigns' registrations, models' effective-model fact). */
  ASSESSMENTS_FACTS_GROUP_ID: z.string().min(1).default(CONSUMER_GROUPS.assessmentsFacts),
  /** "Today" (decision dates may not lie after it) is taken in this zone. */
  ASSESSMENTS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /** The earliest date a caller may name; earlier ones are typos (DATE_OUT_OF_RANGE). */
  ASSESSMENTS_EARLIEST_DATE: z.iso.date().default('2000-01-01'),
  /** The latest such date (no 9999-12-31). */
  ASSESSMENTS_LATEST_DATE: z.iso.date().default('2100-12-31'),
  /** Start the outbox relay with the server (tests and one-off tools may run without it). */
  OUTBOX_RELAY_ENABLED: z.stringbool().default(true),
  /** Run the unit directory consumer (in-process tests feed the directory directly). */
  UNIT_DIRECTORY_CONSUMER_ENABLED: z.stringbool().default(true),
  /** Run the facts consumer (in-process tests project the facts directly). */
  FACTS_CONSUMER_ENABLED: z.stringbool().default(true),
  /** Days before a review step's deadline its level is reminded (assessments.review.due-soon.v1), the deadline day included. */
  REVIEW_REMINDER_DAYS: z.coerce.number().int().min(0).max(30).default(3),
  /** How often the review reminder scheduler runs on each replica; 0 turns it off. */
  REVIEW_REMINDER_INTERVAL_MS: z.coerce.number().int().min(0).default(15 * 60 * 1000),
  /** Directory of the filesystem evidence storage (created when missing, must be writable; checked at start). */
  EVIDENCE_STORAGE_DIR: z.string().min(1).default(path.join(os.tmpdir(), 'antt-assessments-evidence')),
  /** Largest evidence file in bytes, decoded. The base64 upload goes through the gateway: keep 4/3 of it under its body limit. */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1).max(10 * 1024 * 1024).default(64 * 1024),
  /** Content types an evidence file may have. */
  EVIDENCE_ALLOWED_TYPES: commaListSchema().pipe(z.array(z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/, 'a content type such as application/pdf'))).default(['application/pdf', 'image/jpeg', 'image/png']),
};

export type AssessmentsConfig = ReturnType<typeof loadAssessmentsConfig>;

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadAssessmentsConfig(env?: Record<string, string | undefined>) {
  return loadConfig(assessmentsConfigShape, env);
}
