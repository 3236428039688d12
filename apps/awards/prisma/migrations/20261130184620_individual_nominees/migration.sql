-- Individual and household nominees: the subject R19 and the award history speak of (a collective's unit id, a person's or
-- household's blind index), the nominee's personal fields encrypted, the role rules read.
-- AlterTable
ALTER TABLE "nomination" ADD COLUMN     "nominee_enc" TEXT,
ADD COLUMN     "nominee_role" TEXT,
ADD COLUMN     "subject_key" TEXT;

-- Every nomination so far is a collective's: its subject is its unit.
UPDATE "nomination" SET "subject_key" = "unit_id"::text;

ALTER TABLE "nomination" ALTER COLUMN "subject_key" SET NOT NULL;

-- CreateIndex
CREATE INDEX "nomination_subject_key_status_idx" ON "nomination"("subject_key", "status");

-- CreateIndex
CREATE INDEX "nomination_campaign_id_subject_key_idx" ON "nomination"("campaign_id", "subject_key");
