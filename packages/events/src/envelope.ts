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

/** Parses a record value into an envelope; throws {@link ContractViolation} when it is not JSON or not an envelope. */
export function parseEnvelope(value: Buffer | string | null): EventEnvelope {
  if (value === null) throw new ContractViolation(undefined, 'record has no value');
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
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
