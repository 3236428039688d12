-- CreateTable
CREATE TABLE "unit_recognition" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "recognised_on" DATE,
    "revoked_on" DATE,
    "deciding_unit_id" UUID NOT NULL,
    "decision_number" TEXT,
    "campaign_id" UUID,
    "revision" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_recognition_pkey" PRIMARY KEY ("year","unit_id")
);

-- CreateTable
CREATE TABLE "unit_classification" (
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "rule_set_version" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "deciding_unit_id" UUID NOT NULL,
    "decision_number" TEXT,
    "campaign_id" UUID,
    "revision" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_classification_pkey" PRIMARY KEY ("year","unit_id")
);
