-- AlterTable
ALTER TABLE "directory_unit_version" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "campaign" (
    "id" UUID NOT NULL,
    "parent_campaign_id" UUID,
    "root_campaign_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "legal_bases" TEXT[],
    "owner_unit_id" UUID NOT NULL,
    "scope_unit_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_status_change" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" UUID NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "on_date" DATE NOT NULL,
    "reason" TEXT,

    CONSTRAINT "campaign_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_deadline" (
    "campaign_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "unit_kinds" TEXT[],
    "inherited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "campaign_deadline_pkey" PRIMARY KEY ("campaign_id","code")
);

-- CreateTable
CREATE TABLE "campaign_target" (
    "campaign_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "unit_kinds" TEXT[],
    "levels" TEXT[],
    "comparator" TEXT NOT NULL,
    "threshold" DECIMAL(5,2) NOT NULL,
    "inherited" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "campaign_target_pkey" PRIMARY KEY ("campaign_id","code")
);

-- CreateTable
CREATE TABLE "registration" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "root_campaign_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "for_safe_standard" BOOLEAN NOT NULL,
    "for_classification" BOOLEAN NOT NULL,
    "registered_on" DATE NOT NULL,
    "late" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_by_unit_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_on" DATE,
    "withdrawn_by" TEXT,
    "withdraw_reason" TEXT,

    CONSTRAINT "registration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaign_parent_campaign_id_idx" ON "campaign"("parent_campaign_id");

-- CreateIndex
CREATE INDEX "campaign_scope_unit_id_idx" ON "campaign"("scope_unit_id");

-- CreateIndex
CREATE INDEX "campaign_root_campaign_id_idx" ON "campaign"("root_campaign_id");

-- CreateIndex
CREATE INDEX "campaign_status_change_campaign_id_id_idx" ON "campaign_status_change"("campaign_id", "id");

-- CreateIndex
CREATE INDEX "registration_campaign_id_idx" ON "registration"("campaign_id");

-- CreateIndex
CREATE INDEX "registration_unit_id_idx" ON "registration"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "registration_root_campaign_id_unit_id_key" ON "registration"("root_campaign_id", "unit_id");

-- AddForeignKey
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_parent_campaign_id_fkey" FOREIGN KEY ("parent_campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_status_change" ADD CONSTRAINT "campaign_status_change_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_deadline" ADD CONSTRAINT "campaign_deadline_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_target" ADD CONSTRAINT "campaign_target_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration" ADD CONSTRAINT "registration_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
