-- CreateEnum
CREATE TYPE "LineageShare" AS ENUM ('WHOLE', 'PARTIAL');

-- CreateEnum
CREATE TYPE "ReorganisationPlanStatus" AS ENUM ('DRAFT', 'APPLIED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LineageEvent" ADD VALUE 'TRANSFER';
ALTER TYPE "LineageEvent" ADD VALUE 'RECLASSIFY';

-- AlterTable
ALTER TABLE "unit_lineage" ADD COLUMN     "plan_id" UUID,
ADD COLUMN     "share" "LineageShare" NOT NULL DEFAULT 'WHOLE';

-- CreateTable
CREATE TABLE "reorganisation_plan" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "effective_date" DATE NOT NULL,
    "status" "ReorganisationPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "operations" JSONB NOT NULL,
    "operation_count" INTEGER NOT NULL,
    "corrects_plan_id" UUID,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_by" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "reorganisation_plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reorganisation_plan_effective_date_idx" ON "reorganisation_plan"("effective_date");

-- A split hands each new unit a part of its source.
UPDATE "unit_lineage" SET "share" = 'PARTIAL' WHERE "event" = 'SPLIT';
