import { type z } from 'zod';

/** The full event type as it travels in the envelope's `type`: `<service>.<aggregate>.<past-verb>.v<N>`. */
export type FullEventType<TType extends string = string, TVersion extends number = number> = `${TType}.v${TVersion}`;

/** What {@link defineEvent} takes: one event type at one version. */
export interface EventDefinition<TType extends string, TVersion extends number, TSchema extends z.ZodType> {
  /** `<service>.<aggregate>.<past-verb>`, e.g. `org-units.unit.created`. */
  readonly type: TType;
  /** Positive integer; a breaking payload change is a new version, published beside the old one. */
  readonly version: TVersion;
  /** Kafka topic the event is published to (declared in `TOPICS`). */
  readonly topic: string;
  /** Aggregate whose id is the record key and the envelope's `subject`. */
  readonly aggregateType: string;
  /** When the event is emitted, written for readers of the event catalogue. */
  readonly description: string;
  /** The payload (`data` of the envelope). */
  readonly payload: TSchema;
  /** A realistic payload; it must satisfy `payload` (checked at definition time). */
  readonly example: z.input<TSchema>;
}

/** An event contract: the definition plus its full type string. */
export interface EventContract<
  TType extends string = string,
  TVersion extends number = number,
  TSchema extends z.ZodType = z.ZodType,
> extends EventDefinition<TType, TVersion, TSchema> {
  /** `${type}.v${version}`, the value of the envelope's `type`. */
  readonly fullType: FullEventType<TType, TVersion>;
}

/** Payload type (after parsing) of a contract. */
export type EventPayload<TContract extends EventContract> = z.output<TContract['payload']>;

const TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Declares an event contract. Throws at module load when the type name is malformed, the version is not a positive
 * integer or the example does not satisfy the payload schema, so a broken contract never reaches a producer.
 */
export function defineEvent<TType extends string, TVersion extends number, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TVersion, TSchema>,
): EventContract<TType, TVersion, TSchema> {
  if (!TYPE_PATTERN.test(definition.type)) {
    throw new Error(`Event type "${definition.type}" must read <service>.<aggregate>.<past-verb> in kebab case`);
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`Event ${definition.type}: version must be a positive integer, got ${definition.version}`);
  }
  const checked = definition.payload.safeParse(definition.example);
  if (!checked.success) {
    throw new Error(`Event ${definition.type}.v${definition.version}: example violates the payload: ${checked.error.message}`);
  }
  return Object.freeze({ ...definition, fullType: `${definition.type}.v${definition.version}` as FullEventType<TType, TVersion> });
}
