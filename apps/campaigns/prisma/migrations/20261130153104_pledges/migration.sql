-- CreateTable
CREATE TABLE "pledge" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "root_campaign_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "signer_kind" TEXT NOT NULL,
    "signed_on" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "citizen_id_enc" TEXT,
    "full_name" TEXT,
    "phone" TEXT,
    "birth_year" INTEGER,
    "household_code" TEXT,
    "signed_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erased_at" TIMESTAMPTZ(3),
    "erased_by" TEXT,
    "erase_reason" TEXT,

    CONSTRAINT "pledge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pledge_root_campaign_id_unit_id_idx" ON "pledge"("root_campaign_id", "unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "pledge_dedup_key_root_campaign_id_key" ON "pledge"("dedup_key", "root_campaign_id");
