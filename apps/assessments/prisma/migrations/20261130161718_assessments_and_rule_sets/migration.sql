-- CreateTable
CREATE TABLE "rule_set" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER,
    "title" TEXT NOT NULL,
    "window_start" TEXT NOT NULL,
    "window_end" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "bands" JSONB NOT NULL,
    "bands_verified" BOOLEAN NOT NULL,
    "precondition" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rule_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_set_item" (
    "rule_set_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "max_points" DOUBLE PRECISION NOT NULL,
    "condition" TEXT,

    CONSTRAINT "rule_set_item_pkey" PRIMARY KEY ("rule_set_id","code")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "rule_set_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "reviewing_unit_id" UUID NOT NULL,
    "submitted_on" DATE NOT NULL,
    "return_reason" TEXT,
    "approved_on" DATE,
    "revision" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_score" (
    "assessment_id" UUID NOT NULL,
    "item_code" TEXT NOT NULL,
    "self_score" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT,

    CONSTRAINT "assessment_score_pkey" PRIMARY KEY ("assessment_id","item_code")
);

-- CreateTable
CREATE TABLE "assessment_change" (
    "seq" BIGSERIAL NOT NULL,
    "assessment_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "item_code" TEXT,
    "before" DOUBLE PRECISION,
    "after" DOUBLE PRECISION,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_change_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "unit_classification" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "assessment_id" UUID NOT NULL,
    "classification" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "rule_set_code" TEXT NOT NULL,
    "deciding_unit_id" UUID NOT NULL,
    "decided_on" DATE NOT NULL,
    "decision_number" TEXT,
    "revision" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_classification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rule_set_code_key" ON "rule_set"("code");

-- CreateIndex
CREATE UNIQUE INDEX "rule_set_province_code_unit_kind_from_year_key" ON "rule_set"("province_code", "unit_kind", "from_year");

-- CreateIndex
CREATE INDEX "assessment_reviewing_unit_id_year_idx" ON "assessment"("reviewing_unit_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_unit_id_year_key" ON "assessment"("unit_id", "year");

-- CreateIndex
CREATE INDEX "assessment_change_assessment_id_seq_idx" ON "assessment_change"("assessment_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "unit_classification_unit_id_year_key" ON "unit_classification"("unit_id", "year");

-- AddForeignKey
ALTER TABLE "rule_set_item" ADD CONSTRAINT "rule_set_item_rule_set_id_fkey" FOREIGN KEY ("rule_set_id") REFERENCES "rule_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_rule_set_id_fkey" FOREIGN KEY ("rule_set_id") REFERENCES "rule_set"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_change" ADD CONSTRAINT "assessment_change_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
