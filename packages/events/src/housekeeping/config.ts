import { z } from 'zod';
import { type EventsLogger } from '../logger';
import { EventsHousekeeper } from './housekeeper';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The variables of the events housekeeping, for a service's config shape (`...eventsHousekeepingConfigShape`).
 * Retentions are in hours; `EVENTS_HOUSEKEEPING_INTERVAL_MS=0` turns the purge off.
 */
export const eventsHousekeepingConfigShape = {
  /** Hours a published outbox row is kept (default 7 days): long enough to inspect what left, then it goes. */
  EVENTS_OUTBOX_RETENTION_HOURS: z.coerce.number().min(1).max(24 * 365).default(7 * 24),
  /** Hours an inbox entry is kept (default 14 days); it must outlast any redelivery (see the events README). */
  EVENTS_INBOX_RETENTION_HOURS: z.coerce.number().min(1).max(24 * 365).default(14 * 24),
  /** Milliseconds between purges (default 10 minutes); 0 turns the purge off. */
  EVENTS_HOUSEKEEPING_INTERVAL_MS: z.coerce.number().int().min(0).default(10 * 60 * 1000),
};

/** The housekeeper's options from a service's validated config. */
export function housekeepingOptionsFrom(config: {
  EVENTS_OUTBOX_RETENTION_HOURS: number;
  EVENTS_INBOX_RETENTION_HOURS: number;
  EVENTS_HOUSEKEEPING_INTERVAL_MS: number;
}): { outboxRetentionMs: number; inboxRetentionMs: number; intervalMs: number; enabled: boolean } {
  return {
    outboxRetentionMs: config.EVENTS_OUTBOX_RETENTION_HOURS * HOUR_MS,
    inboxRetentionMs: config.EVENTS_INBOX_RETENTION_HOURS * HOUR_MS,
    intervalMs: config.EVENTS_HOUSEKEEPING_INTERVAL_MS,
    enabled: config.EVENTS_HOUSEKEEPING_INTERVAL_MS > 0,
  };
}

/** The service's housekeeper as its config asks (null when `EVENTS_HOUSEKEEPING_INTERVAL_MS` is 0); start it with the service. */
export function housekeeperFromConfig(
  config: Parameters<typeof housekeepingOptionsFrom>[0] & { DATABASE_URL: string },
  service: string,
  logger?: EventsLogger,
): EventsHousekeeper | null {
  const options = housekeepingOptionsFrom(config);
  if (!options.enabled) return null;
  return new EventsHousekeeper({ databaseUrl: config.DATABASE_URL, service, logger, ...options });
}
