-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT', 'SECURITY_TEAM');

-- CreateEnum
CREATE TYPE "EnterpriseSize" AS ENUM ('MICRO', 'SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('NURSERY', 'PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'MULTI_LEVEL', 'VOCATIONAL', 'HIGHER_EDUCATION');

-- CreateEnum
CREATE TYPE "LineageEvent" AS ENUM ('MERGE', 'SPLIT');

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
CREATE TABLE "unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "created_on" DATE NOT NULL,
    "dissolved_on" DATE,
    "revision" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_version" (
    "unit_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "parent_id" UUID,
    "managing_unit_id" UUID,
    "enterprise_size" "EnterpriseSize",
    "school_level" "SchoolLevel",
    "armed_forces" BOOLEAN,
    "resident_households" INTEGER,
    "staff_count" INTEGER,

    CONSTRAINT "unit_version_pkey" PRIMARY KEY ("unit_id","valid_from")
);

-- CreateTable
CREATE TABLE "unit_lineage" (
    "id" UUID NOT NULL,
    "event" "LineageEvent" NOT NULL,
    "predecessor_id" UUID NOT NULL,
    "successor_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_change" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "effective_date" DATE NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "correction" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "unit_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_id_key" ON "outbox_event"("id");

-- CreateIndex
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("published_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE INDEX "unit_kind_idx" ON "unit"("kind");

-- CreateIndex
CREATE INDEX "unit_version_parent_id_valid_from_valid_to_unit_id_idx" ON "unit_version"("parent_id", "valid_from", "valid_to", "unit_id");

-- CreateIndex
CREATE INDEX "unit_version_managing_unit_id_idx" ON "unit_version"("managing_unit_id");

-- CreateIndex
CREATE INDEX "unit_lineage_successor_id_idx" ON "unit_lineage"("successor_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_lineage_predecessor_id_successor_id_event_key" ON "unit_lineage"("predecessor_id", "successor_id", "event");

-- CreateIndex
CREATE INDEX "unit_change_unit_id_at_idx" ON "unit_change"("unit_id", "at");

-- AddForeignKey
ALTER TABLE "unit_version" ADD CONSTRAINT "unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_change" ADD CONSTRAINT "unit_change_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
