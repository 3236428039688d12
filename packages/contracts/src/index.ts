/**
 * Event contracts of the platform: one zod schema per event type and version, the declared topics, and the envelope
 * shape. Producers (through `@antt/events`) and consumers import them from here.
 */
export { defineEvent } from './define-event';
export type { EventContract, EventDefinition, EventPayload, FullEventType } from './define-event';
export { CONSUMER_GROUPS, TOPICS, deadLetterTopicFor, topicNamed } from './topics';
export type { TopicSpec } from './topics';
export {
  DEAD_LETTER_HEADERS,
  EventEnvelopeSchema,
  FULL_TYPE_PATTERN,
  RECORD_HEADERS,
  SOURCE_PATTERN,
} from './envelope';
export type { EventEnvelope } from './envelope';
export { EVENT_CONTRACTS, contractFor } from './registry';
export * from './org-units/unit-state';
export * from './org-units/unit-events';
export * from './org-units/unit-import';
export * from './campaigns/campaign-events';
export * from './campaigns/registration-events';
export * from './campaigns/deadline-events';
export * from './campaigns/pledge-events';
export * from './assessments/assessment-events';
export * from './assessments/review-events';
export * from './models/model-events';
export * from './models/effective-model-events';
export * from './models/advanced-example-events';
export * from './awards/nomination-events';
export * from './awards/team-rating-events';
