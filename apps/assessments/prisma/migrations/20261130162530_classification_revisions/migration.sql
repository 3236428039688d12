-- CreateTable
CREATE TABLE "classification_revision" (
    "classification_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "classification" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "decided_on" DATE NOT NULL,
    "decision_number" TEXT,
    "reason" TEXT,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "classification_revision_pkey" PRIMARY KEY ("classification_id","revision")
);
