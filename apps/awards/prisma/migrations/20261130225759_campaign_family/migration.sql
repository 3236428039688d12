-- AlterTable
ALTER TABLE "campaign_fact" ADD COLUMN     "parent_campaign_id" UUID;

-- CreateIndex
CREATE INDEX "campaign_fact_parent_campaign_id_idx" ON "campaign_fact"("parent_campaign_id");
