-- AlterTable
ALTER TABLE "nomination" ADD COLUMN     "depends_on" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "recover_artifact" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recover_money" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "revocation_decision" TEXT,
ADD COLUMN     "revocation_reason" TEXT,
ADD COLUMN     "revoked_on" DATE;

-- CreateIndex
CREATE INDEX "nomination_depends_on_idx" ON "nomination" USING GIN ("depends_on");
