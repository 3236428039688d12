import { randomBytes } from 'node:crypto';

/**
 * A name unlikely to collide across test runs and workers: `<prefix>_<time base36><random hex>`, lower case, usable as a
 * PostgreSQL identifier and a Kafka topic name. The prefix is kept as given (use your helper's database prefix, e.g. `h1_`).
 */
export function uniqueName(prefix: string): string {
  const suffix = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const separator = prefix.endsWith('_') || prefix.endsWith('-') || prefix.endsWith('.') || prefix === '' ? '' : '_';
  return `${prefix}${separator}${suffix}`.toLowerCase();
}
