/**
 * The tables of `prisma/events.prisma` as plain PostgreSQL DDL (what a Prisma migration of the fragment creates), for
 * test databases and tools that do not run Prisma migrations. Idempotent.
 */
export const EVENTS_TABLES_DDL = `
CREATE TABLE IF NOT EXISTS outbox_event (
  seq BIGSERIAL PRIMARY KEY,
  id UUID NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id TEXT NOT NULL,
  type TEXT NOT NULL,
  topic TEXT NOT NULL,
  envelope JSONB NOT NULL,
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  published_at TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_event_id_key ON outbox_event (id);
CREATE INDEX IF NOT EXISTS outbox_event_unpublished_idx ON outbox_event (published_at, seq);
CREATE TABLE IF NOT EXISTS inbox_entry (
  consumer TEXT NOT NULL,
  event_id UUID NOT NULL,
  processed_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT inbox_entry_pkey PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS inbox_entry_processed_at_idx ON inbox_entry (processed_at);
`;
