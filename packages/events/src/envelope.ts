import { isAscii } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { type EventContract, type EventEnvelope, EventEnvelopeSchema, type EventPayload } from '@antt/contracts';
import { type z } from 'zod';
import { ContractViolation } from './errors';

export type { EventEnvelope } from '@antt/contracts';

/** What a producer supplies for one event; the kit fills in the CloudEvents attributes. */
export interface NewEvent<TContract extends EventContract = EventContract> {
  readonly contract: TContract;
  /** The aggregate's id: record key and envelope `subject`. */
  readonly aggregateId: string;
  readonly data: z.input<TContract['payload']>;
  /** Defaults to a fresh uuid (a request id is better: pass it). */
  readonly correlationId?: string;
  readonly causationId?: string;
  /** W3C trace context of the request, when traced. */
  readonly traceparent?: string;
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Validates `data` against the contract; returns the parsed payload or throws {@link ContractViolation}. */
export function validatePayload<TContract extends EventContract>(contract: TContract, data: unknown): EventPayload<TContract> {
  const result = contract.payload.safeParse(data);
  if (!result.success) throw new ContractViolation(contract.fullType, formatIssues(result.error));
  return result.data as EventPayload<TContract>;
}

/** `urn:antt:<service>`. */
export function sourceOf(service: string): string {
  return `urn:antt:${service}`;
}

/**
 * Builds the CloudEvents envelope of a new event, validating its payload (throws {@link ContractViolation}).
 * `now` and `newId` are seams for tests.
 */
export function buildEnvelope<TContract extends EventContract>(
  event: NewEvent<TContract>,
  service: string,
  clock: { now?: () => Date; newId?: () => string } = {},
): EventEnvelope<EventPayload<TContract>> {
  const data = validatePayload(event.contract, event.data);
  const id = (clock.newId ?? randomUUID)();
  const envelope: EventEnvelope<EventPayload<TContract>> = {
    specversion: '1.0',
    id,
    source: sourceOf(service),
    type: event.contract.fullType,
    time: (clock.now?.() ?? new Date()).toISOString(),
    subject: event.aggregateId,
    datacontenttype: 'application/json',
    correlationid: event.correlationId ?? id,
    ...(event.causationId === undefined ? {} : { causationid: event.causationId }),
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
    data,
  };
  const checked = EventEnvelopeSchema.safeParse(envelope);
  if (!checked.success) throw new ContractViolation(event.contract.fullType, `envelope: ${formatIssues(checked.error)}`);
  return envelope;
}

const HIGH_BYTE = /[\x80-\xff]/;
const UNICODE_ESCAPE = Buffer.from('\\u');

/** A string read byte for byte (latin1) back to the UTF-8 text its bytes spell. */
function utf8Of(bytes: string): string {
  return HIGH_BYTE.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** Every string (values and keys) of a value parsed from latin1 text, as UTF-8 text; arrays and objects in place. */
function restoreUtf8(value: unknown): unknown {
  if (typeof value === 'string') return utf8Of(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = restoreUtf8(value[index]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (!keys.some((key) => HIGH_BYTE.test(key))) {
      for (const key of keys) object[key] = restoreUtf8(object[key]);
      return object;
    }
    // A key to decode: a new object, keys in the same order, each an own property as JSON.parse makes it (even `__proto__`).
    const rebuilt: Record<string, unknown> = {};
    for (const key of keys) {
      Object.defineProperty(rebuilt, utf8Of(key), { value: restoreUtf8(object[key]), enumerable: true, writable: true, configurable: true });
    }
    return rebuilt;
  }
  return value;
}

/**
 * `JSON.parse` of a record value's UTF-8 bytes, the same result as `JSON.parse(bytes.toString('utf8'))`, about three
 * times faster on this platform's events: decoding UTF-8 into a JavaScript string runs at about 110 MB/s here as soon
 * as the text holds one non-ASCII character (every Vietnamese name), while reading the bytes one per character (latin1)
 * runs at gigabytes per second. So the bytes are parsed as latin1 (JSON's syntax is ASCII, and the bytes of a multi-byte
 * character, all 0x80 or above, can only sit inside strings) and only the strings holding such bytes are decoded again.
 * Text with a `\u` escape, which could spell a character of 0x80–0xFF that is not a UTF-8 byte, takes the plain way.
 */
export function parseJsonBytes(bytes: Buffer): unknown {
  if (isAscii(bytes)) return JSON.parse(bytes.toString('latin1'));
  if (bytes.includes(UNICODE_ESCAPE)) return JSON.parse(bytes.toString('utf8'));
  return restoreUtf8(JSON.parse(bytes.toString('latin1')));
}

/** Parses a record value into an envelope; throws {@link ContractViolation} when it is not JSON or not an envelope. */
export function parseEnvelope(value: Buffer | string | null): EventEnvelope {
  if (value === null) throw new ContractViolation(undefined, 'record has no value');
  let json: unknown;
  try {
    json = typeof value === 'string' ? JSON.parse(value) : parseJsonBytes(value);
  } catch (error) {
    throw new ContractViolation(undefined, `value is not JSON (${(error as Error).message})`);
  }
  const result = EventEnvelopeSchema.safeParse(json);
  if (!result.success) {
    const type = typeof (json as { type?: unknown })?.type === 'string' ? (json as { type: string }).type : undefined;
    throw new ContractViolation(type, `envelope: ${formatIssues(result.error)}`);
  }
  return result.data as EventEnvelope;
}

/** The Kafka record headers of an envelope (CONVENTIONS.md); `traceparent` when the envelope has one. */
export function recordHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.source,
    ce_specversion: envelope.specversion,
    ce_time: envelope.time,
    ce_subject: envelope.subject,
    correlationid: envelope.correlationid,
    ...(envelope.traceparent === undefined ? {} : { traceparent: envelope.traceparent }),
  };
}
