-- CreateTable
CREATE TABLE "award_form" (
    "code" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "name" TEXT NOT NULL,
    "issuing_authority" TEXT NOT NULL,
    "recipient_kinds" TEXT[],
    "legal_grounds" TEXT[],
    "bonus_multiple" DECIMAL(6,2) NOT NULL,

    CONSTRAINT "award_form_pkey" PRIMARY KEY ("code","valid_from")
);

-- CreateTable
CREATE TABLE "award_scheme" (
    "campaign_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_scheme_pkey" PRIMARY KEY ("campaign_id","version")
);

-- CreateTable
CREATE TABLE "award_scheme_form" (
    "campaign_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "form_code" TEXT NOT NULL,
    "quota" INTEGER,
    "rules" JSONB NOT NULL,

    CONSTRAINT "award_scheme_form_pkey" PRIMARY KEY ("campaign_id","version","form_code")
);

-- CreateTable
CREATE TABLE "award_quota_use" (
    "campaign_id" UUID NOT NULL,
    "form_code" TEXT NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "award_quota_use_pkey" PRIMARY KEY ("campaign_id","form_code")
);

-- CreateTable
CREATE TABLE "campaign_fact" (
    "campaign_id" UUID NOT NULL,
    "owner_unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "closed_on" DATE,

    CONSTRAINT "campaign_fact_pkey" PRIMARY KEY ("campaign_id")
);

-- CreateTable
CREATE TABLE "registration_fact" (
    "registration_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "registered_on" DATE NOT NULL,
    "withdrawn_on" DATE,

    CONSTRAINT "registration_fact_pkey" PRIMARY KEY ("registration_id")
);

-- CreateTable
CREATE TABLE "recognition_fact" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "recognised_on" DATE,
    "revoked_on" DATE,
    "revision" INTEGER NOT NULL,

    CONSTRAINT "recognition_fact_pkey" PRIMARY KEY ("unit_id","year")
);

-- CreateTable
CREATE TABLE "classification_fact" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "classification" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "revision" INTEGER NOT NULL,

    CONSTRAINT "classification_fact_pkey" PRIMARY KEY ("unit_id","year")
);

-- CreateTable
CREATE TABLE "nomination" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "form_code" TEXT NOT NULL,
    "recipient_kind" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "nominating_unit_id" UUID NOT NULL,
    "legal_ground" TEXT NOT NULL,
    "achievement" TEXT NOT NULL,
    "dossier" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "eligibility" JSONB,
    "appraisal_eligible" BOOLEAN,
    "appraisal_reason" TEXT,
    "votes_for" INTEGER,
    "votes_against" INTEGER,
    "votes_abstain" INTEGER,
    "decision_number" TEXT,
    "decided_on" DATE,
    "deciding_authority" TEXT,
    "closing_reason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nomination_transition" (
    "seq" BIGSERIAL NOT NULL,
    "nomination_id" UUID NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "nomination_transition_pkey" PRIMARY KEY ("seq")
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
CREATE INDEX "registration_fact_campaign_id_unit_id_idx" ON "registration_fact"("campaign_id", "unit_id");

-- CreateIndex
CREATE INDEX "nomination_campaign_id_status_idx" ON "nomination"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "nomination_unit_id_idx" ON "nomination"("unit_id");

-- CreateIndex
CREATE INDEX "nomination_transition_nomination_id_seq_idx" ON "nomination_transition"("nomination_id", "seq");

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
ALTER TABLE "award_scheme_form" ADD CONSTRAINT "award_scheme_form_campaign_id_version_fkey" FOREIGN KEY ("campaign_id", "version") REFERENCES "award_scheme"("campaign_id", "version") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nomination_transition" ADD CONSTRAINT "nomination_transition_nomination_id_fkey" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_unit_version" ADD CONSTRAINT "directory_unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "directory_unit"("unit_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The forms catalogue as dated data (DOMAIN.md, "Since 2025"): Decree 98/2023 until 30/06/2025, Decree 152/2025 from
-- 01/07/2025; the district chairman's certificate only before the two-level government. Bonus multiples of the base salary
-- are the figures of the decrees as secondary sources report them (to be confirmed against the primary texts; editable data).
INSERT INTO "award_form" ("code", "valid_from", "valid_to", "name", "issuing_authority", "recipient_kinds", "legal_grounds", "bonus_multiple") VALUES
  ('EMULATION_FLAG', '2023-12-31', '2025-07-01', 'Cờ thi đua của Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh', ARRAY['COLLECTIVE'], ARRAY['LTDKT2022-D27', 'ND98-2023'], 8.00),
  ('EMULATION_FLAG', '2025-07-01', NULL, 'Cờ thi đua của Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh', ARRAY['COLLECTIVE'], ARRAY['LTDKT2022-D27', 'ND152-2025'], 8.00),
  ('CERTIFICATE_OF_MERIT', '2023-12-31', '2025-07-01', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D76', 'ND98-2023'], 1.00),
  ('CERTIFICATE_OF_MERIT', '2025-07-01', NULL, 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D76', 'ND152-2025'], 1.00),
  ('CERTIFICATE_POLICE_DIRECTOR', '2023-12-31', '2025-07-01', 'Giấy khen của Giám đốc Công an tỉnh', 'Giám đốc Công an tỉnh', ARRAY['COLLECTIVE', 'INDIVIDUAL'], ARRAY['LTDKT2022-D75', 'ND98-2023'], 0.30),
  ('CERTIFICATE_POLICE_DIRECTOR', '2025-07-01', NULL, 'Giấy khen của Giám đốc Công an tỉnh', 'Giám đốc Công an tỉnh', ARRAY['COLLECTIVE', 'INDIVIDUAL'], ARRAY['LTDKT2022-D75', 'ND152-2025'], 0.30),
  ('CERTIFICATE_DISTRICT_CHAIRMAN', '2023-12-31', '2025-07-01', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 'Chủ tịch Ủy ban nhân dân huyện', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D75', 'ND98-2023'], 0.30),
  ('CERTIFICATE_COMMUNE_CHAIRMAN', '2025-07-01', NULL, 'Giấy khen của Chủ tịch Ủy ban nhân dân xã', 'Chủ tịch Ủy ban nhân dân xã', ARRAY['COLLECTIVE', 'HOUSEHOLD', 'INDIVIDUAL'], ARRAY['LTDKT2022-D75', 'ND152-2025'], 0.30);
