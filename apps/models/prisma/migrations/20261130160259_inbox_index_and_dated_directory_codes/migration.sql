-- AlterTable
ALTER TABLE "directory_unit_version" ADD COLUMN     "code" TEXT;

-- CreateIndex
CREATE INDEX "directory_unit_version_code_idx" ON "directory_unit_version"("code");

-- CreateIndex
CREATE INDEX "inbox_entry_processed_at_idx" ON "inbox_entry"("processed_at");
