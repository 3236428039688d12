import { z } from 'zod';

/** Service names appear in `source` as `urn:antt:<service>`. */
export const SOURCE_PATTERN = /^urn:antt:[a-z][a-z0-9-]*$/;

/** `<service>.<aggregate>.<past-verb>.v<N>`. */
export const FULL_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/**
 * The CloudEvents 1.0 envelope (structured JSON mode) every record value carries. `data` is validated separately,
 * against the contract named by `type`.
 */
export const EventEnvelopeSchema = z.object({
  specversion: z.literal('1.0').describe('CloudEvents specification version.'),
  id: z.uuid().describe('Unique event id; consumers deduplicate on it (inbox).'),
  source: z.string().regex(SOURCE_PATTERN).describe('Producing service, `urn:antt:<service>`.'),
  type: z.string().regex(FULL_TYPE_PATTERN).describe('Event type with its version, `<service>.<aggregate>.<past-verb>.v<N>`.'),
  time: z.iso.datetime({ offset: true }).describe('When the change was committed (ISO 8601, UTC).'),
  subject: z.string().min(1).describe('Aggregate id; also the Kafka record key.'),
  datacontenttype: z.literal('application/json').describe('Always `application/json`.'),
  correlationid: z.string().min(1).describe('Id shared by every event caused by one request (the request id when there is one).'),
  causationid: z.string().min(1).optional().describe('Id of the event or command that caused this one.'),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional()
    .describe('W3C trace context of the span that created the event, in the trace of the producing request (absent when tracing is off).'),
  data: z.unknown().describe('The payload, described by the contract of `type`.'),
});

/** A parsed envelope; `TData` is the payload type once validated against its contract. */
export type EventEnvelope<TData = unknown> = Omit<z.output<typeof EventEnvelopeSchema>, 'data'> & { data: TData };

/** Kafka record headers the relay writes (copies of envelope attributes, so that routers need not parse the value). */
export const RECORD_HEADERS = {
  ce_id: 'envelope `id`',
  ce_type: 'envelope `type`',
  ce_source: 'envelope `source`',
  ce_specversion: 'envelope `specversion`',
  ce_time: 'envelope `time`',
  ce_subject: 'envelope `subject`',
  correlationid: 'envelope `correlationid`',
  traceparent: 'envelope `traceparent`, when it has one (tracing on): the span that created the event, which consumer spans link to',
} as const;

/** Headers added to a record copied to a dead-letter topic. */
export const DEAD_LETTER_HEADERS = {
  dlq_reason: 'why the record was not applied: `invalid-envelope: …`, `contract-violation: …` or `handler-failed: …`',
  dlq_original_topic: 'topic the record was read from',
  dlq_original_partition: 'its partition',
  dlq_original_offset: 'its offset',
  dlq_consumer: 'consumer group that gave up',
  dlq_failed_at: 'ISO time of the decision',
} as const;
