-- CreateTable
CREATE TABLE "outbox_event" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "aggregate_type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "inbox_entry" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_entry_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "directory_unit" (
    "unit_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "dissolved_on" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "directory_unit_pkey" PRIMARY KEY ("unit_id")
);

-- CreateTable
CREATE TABLE "directory_unit_version" (
    "unit_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "name" TEXT NOT NULL,
    "parent_id" UUID,
    "managing_unit_id" UUID,

    CONSTRAINT "directory_unit_version_pkey" PRIMARY KEY ("unit_id","valid_from")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_id_key" ON "outbox_event"("id");

-- CreateIndex
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("published_at", "seq");

-- CreateIndex
CREATE INDEX "directory_unit_code_idx" ON "directory_unit"("code");

-- CreateIndex
CREATE INDEX "directory_unit_version_parent_id_valid_from_idx" ON "directory_unit_version"("parent_id", "valid_from");

-- AddForeignKey
ALTER TABLE "directory_unit_version" ADD CONSTRAINT "directory_unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "directory_unit"("unit_id") ON DELETE CASCADE ON UPDATE CASCADE;
