-- AlterTable
ALTER TABLE "directory_unit_version" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE INDEX "directory_unit_version_code_idx" ON "directory_unit_version"("code");
