-- AlterTable
ALTER TABLE "safe_standard_recognition" ADD COLUMN     "revoked_on" DATE;

-- CreateTable
CREATE TABLE "recognition_revision" (
    "recognition_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "revoked_on" DATE,
    "decision_number" TEXT,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_revision_pkey" PRIMARY KEY ("recognition_id","revision")
);
