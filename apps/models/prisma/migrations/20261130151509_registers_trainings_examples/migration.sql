-- AlterTable
-- Filled for the rows already there (a replica's root is its source's root; lineages are at most as deep as the loop).
ALTER TABLE "self_management_model" ADD COLUMN     "lineage_root_id" UUID;
UPDATE "self_management_model" SET "lineage_root_id" = "id" WHERE "replicated_from_id" IS NULL;
DO $$
BEGIN
  LOOP
    UPDATE "self_management_model" m SET "lineage_root_id" = s."lineage_root_id"
    FROM "self_management_model" s
    WHERE m."replicated_from_id" = s."id" AND m."lineage_root_id" IS NULL AND s."lineage_root_id" IS NOT NULL;
    EXIT WHEN NOT FOUND;
  END LOOP;
END $$;
ALTER TABLE "self_management_model" ALTER COLUMN "lineage_root_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "model_site" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "opened_on" DATE NOT NULL,
    "closed_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_team" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "site_id" UUID,
    "name" TEXT NOT NULL,
    "member_count" INTEGER NOT NULL,
    "formed_on" DATE NOT NULL,
    "disbanded_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_team_member" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "full_name" TEXT NOT NULL,
    "role" TEXT,

    CONSTRAINT "model_team_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_training" (
    "id" UUID NOT NULL,
    "model_id" UUID NOT NULL,
    "held_on" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "trainer" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advanced_example" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "model_id" UUID,
    "achievement" TEXT NOT NULL,
    "recognised_by_unit_id" UUID NOT NULL,
    "recognised_on" DATE NOT NULL,
    "decision_number" TEXT,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "advanced_example_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_site_model_id_idx" ON "model_site"("model_id");

-- CreateIndex
CREATE INDEX "model_team_model_id_idx" ON "model_team"("model_id");

-- CreateIndex
CREATE INDEX "model_team_member_team_id_idx" ON "model_team_member"("team_id");

-- CreateIndex
CREATE INDEX "model_training_model_id_held_on_idx" ON "model_training"("model_id", "held_on");

-- CreateIndex
CREATE INDEX "advanced_example_unit_id_idx" ON "advanced_example"("unit_id");

-- AddForeignKey
ALTER TABLE "model_site" ADD CONSTRAINT "model_site_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_team" ADD CONSTRAINT "model_team_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_team" ADD CONSTRAINT "model_team_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "model_site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_team_member" ADD CONSTRAINT "model_team_member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "model_team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_training" ADD CONSTRAINT "model_training_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "self_management_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
