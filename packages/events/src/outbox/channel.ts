import { createHash } from 'node:crypto';

/** The `pg_notify` channel the relay of `service` listens on. */
export function outboxChannel(service: string): string {
  return `antt_outbox_${service.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63);
}

/** The advisory-lock key (a signed 64-bit integer, as a decimal string) that elects one active relay per service. */
export function relayLockKey(service: string): string {
  const digest = createHash('sha256').update(`antt-outbox-relay:${service}`).digest();
  return digest.readBigInt64BE(0).toString();
}
