-- CreateTable
CREATE TABLE "safe_standard_recognition" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "deciding_unit_id" UUID NOT NULL,
    "decided_on" DATE NOT NULL,
    "recognised_on" DATE,
    "reason" TEXT,
    "decision_number" TEXT,
    "certificate_number" TEXT,
    "certificate_signer" TEXT,
    "revision" INTEGER NOT NULL,
    "decided_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "safe_standard_recognition_pkey" PRIMARY KEY ("id")
);

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
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "code" TEXT,

    CONSTRAINT "directory_unit_version_pkey" PRIMARY KEY ("unit_id","valid_from")
);

-- CreateIndex
CREATE INDEX "safe_standard_recognition_deciding_unit_id_year_idx" ON "safe_standard_recognition"("deciding_unit_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "safe_standard_recognition_unit_id_year_key" ON "safe_standard_recognition"("unit_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_id_key" ON "outbox_event"("id");

-- CreateIndex
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("published_at", "seq");

-- CreateIndex
CREATE INDEX "inbox_entry_processed_at_idx" ON "inbox_entry"("processed_at");

-- CreateIndex
CREATE INDEX "directory_unit_code_idx" ON "directory_unit"("code");

-- CreateIndex
CREATE INDEX "directory_unit_version_parent_id_valid_from_idx" ON "directory_unit_version"("parent_id", "valid_from");

-- CreateIndex
CREATE INDEX "directory_unit_version_code_idx" ON "directory_unit_version"("code");

-- AddForeignKey
ALTER TABLE "directory_unit_version" ADD CONSTRAINT "directory_unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "directory_unit"("unit_id") ON DELETE CASCADE ON UPDATE CASCADE;
