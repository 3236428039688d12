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
CREATE TABLE "model_type" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_type_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "self_management_model" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type_code" TEXT NOT NULL,
    "host_unit_id" UUID NOT NULL,
    "founded_on" DATE NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "status_on" DATE NOT NULL,
    "status_reason" TEXT,
    "replicated_from_id" UUID,
    "dissolution_proposed_on" DATE,
    "decision_number" TEXT,
    "decision_date" DATE,
    "decided_by_unit_id" UUID,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "self_management_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_status_change" (
    "id" BIGSERIAL NOT NULL,
    "model_id" UUID NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "on_date" DATE NOT NULL,
    "reason" TEXT,

    CONSTRAINT "model_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_host_change" (
    "id" BIGSERIAL NOT NULL,
    "model_id" UUID NOT NULL,
    "from_unit_id" UUID NOT NULL,
    "to_unit_id" UUID NOT NULL,
    "effective_on" DATE NOT NULL,
    "cause_event_id" UUID NOT NULL,

    CONSTRAINT "model_host_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_criteria_set" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "criteria" JSONB NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "review_criteria_set_pkey" PRIMARY KEY ("code","version")
);

-- CreateTable
CREATE TABLE "model_review" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "host_unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "window_start" DATE NOT NULL,
    "window_end" DATE NOT NULL,
    "rating" TEXT NOT NULL,
    "criteria_set_code" TEXT NOT NULL,
    "criteria_version" INTEGER NOT NULL,
    "criteria_met" TEXT[],
    "reviewer_unit_id" UUID NOT NULL,
    "reviewed_on" DATE NOT NULL,
    "evidence" TEXT[],
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "effective_model_fact" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "window_start" DATE NOT NULL,
    "window_end" DATE NOT NULL,
    "has_effective_model" BOOLEAN NOT NULL,
    "effective_model_ids" TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "effective_model_fact_pkey" PRIMARY KEY ("unit_id","year")
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

    CONSTRAINT "directory_unit_version_pkey" PRIMARY KEY ("unit_id","valid_from")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_id_key" ON "outbox_event"("id");

-- CreateIndex
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event"("published_at", "seq");

-- CreateIndex
CREATE INDEX "self_management_model_host_unit_id_status_idx" ON "self_management_model"("host_unit_id", "status");

-- CreateIndex
CREATE INDEX "self_management_model_type_code_idx" ON "self_management_model"("type_code");

-- CreateIndex
CREATE INDEX "self_management_model_replicated_from_id_idx" ON "self_management_model"("replicated_from_id");

-- CreateIndex
CREATE INDEX "model_status_change_model_id_id_idx" ON "model_status_change"("model_id", "id");

-- CreateIndex
CREATE INDEX "model_host_change_model_id_id_idx" ON "model_host_change"("model_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "model_host_change_model_id_cause_event_id_key" ON "model_host_change"("model_id", "cause_event_id");

-- CreateIndex
CREATE INDEX "model_review_model_id_year_idx" ON "model_review"("model_id", "year");

-- CreateIndex
CREATE INDEX "model_review_host_unit_id_year_idx" ON "model_review"("host_unit_id", "year");

-- CreateIndex
CREATE INDEX "directory_unit_code_idx" ON "directory_unit"("code");

-- CreateIndex
CREATE INDEX "directory_unit_version_parent_id_valid_from_idx" ON "directory_unit_version"("parent_id", "valid_from");

-- AddForeignKey
ALTER TABLE "self_management_model" ADD CONSTRAINT "self_management_model_type_code_fkey" FOREIGN KEY ("type_code") REFERENCES "model_type"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_management_model" ADD CONSTRAINT "self_management_model_replicated_from_id_fkey" FOREIGN KEY ("replicated_from_id") REFERENCES "self_management_model"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_status_change" ADD CONSTRAINT "model_status_change_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_host_change" ADD CONSTRAINT "model_host_change_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_review" ADD CONSTRAINT "model_review_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "directory_unit_version" ADD CONSTRAINT "directory_unit_version_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "directory_unit"("unit_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The catalogue of model types and the first criteria list: data, extended by later migrations or by the catalogue
-- mutation, never by code.
INSERT INTO "model_type" ("code", "name", "description") VALUES
  ('SECURITY_CAMERA', 'Camera an ninh', 'Mô hình camera giám sát an ninh, trật tự do nhân dân đóng góp'),
  ('RELIGIOUS_SITE', 'Cơ sở tôn giáo, tín ngưỡng tự quản về an ninh, trật tự', NULL),
  ('RESIDENTIAL_SELF_MANAGEMENT', 'Khu dân cư tự quản về an ninh, trật tự', 'Tổ tự quản, dòng họ, liên gia tự quản'),
  ('AGENCY', 'Cơ quan an toàn về an ninh, trật tự', NULL),
  ('ENTERPRISE', 'Doanh nghiệp tự quản về an ninh, trật tự', NULL),
  ('SCHOOL', 'Cổng trường an toàn giao thông, trường học an toàn', NULL),
  ('OTHER', 'Mô hình khác', NULL);

-- [U] unverified: an editable default list, standing in until the Ministry's criteria for judging a model are sourced.
INSERT INTO "review_criteria_set" ("code", "version", "valid_from", "criteria", "source") VALUES
  ('MODEL_EFFECTIVENESS', 1, '2020-01-01',
   '[{"code":"REGULAR_ACTIVITY","label":"Duy trì hoạt động thường xuyên, có quy chế"},{"code":"MEMBERS_TRAINED","label":"Thành viên được tập huấn nghiệp vụ"},{"code":"SECURITY_RESULTS","label":"Góp phần giảm tội phạm, vi phạm pháp luật trên địa bàn"},{"code":"PEOPLE_PARTICIPATION","label":"Thu hút đông đảo quần chúng nhân dân tham gia"}]'::jsonb,
   '[U] default list, to be replaced by the provincial guidance');
