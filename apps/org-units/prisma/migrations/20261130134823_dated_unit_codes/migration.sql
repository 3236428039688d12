-- DropIndex
DROP INDEX "unit_code_key";

-- CreateIndex
CREATE INDEX "unit_code_idx" ON "unit"("code");

-- CreateIndex
CREATE INDEX "unit_version_code_valid_from_idx" ON "unit_version"("code", "valid_from");
