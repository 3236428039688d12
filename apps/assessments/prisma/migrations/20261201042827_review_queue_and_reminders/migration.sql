-- CreateTable
CREATE TABLE "review_reminder" (
    "assessment_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level_unit_id" UUID NOT NULL,
    "deadline" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "sent_on" DATE NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_reminder_pkey" PRIMARY KEY ("assessment_id","position","level_unit_id","deadline","kind")
);

-- CreateIndex
CREATE INDEX "assessment_status_year_idx" ON "assessment"("status", "year");
