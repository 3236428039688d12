/** A record as the consumer runner sees it. */
export interface IncomingRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** Why a record was dead-lettered; the prefix of the `dlq_reason` header. */
export type DeadLetterKind = 'invalid-envelope' | 'contract-violation' | 'handler-failed';

/** The `dlq_*` headers plus the original headers of a dead letter. */
export function deadLetterHeaders(
  record: IncomingRecord,
  consumer: string,
  kind: DeadLetterKind,
  detail: string,
  failedAt: Date,
): Record<string, string> {
  return {
    ...record.headers,
    dlq_reason: `${kind}: ${detail}`.slice(0, 2000),
    dlq_original_topic: record.topic,
    dlq_original_partition: String(record.partition),
    dlq_original_offset: record.offset,
    dlq_consumer: consumer,
    dlq_failed_at: failedAt.toISOString(),
  };
}

/** Kafka header values arrive as buffers (or arrays of them); keep the first value of each, as text. */
export function headersToStrings(headers: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first === null) continue;
    result[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return result;
}
