-- unit_version carries its unit's code and kind (both never change), so that subtree walks and pages read
-- unit_version alone. Added nullable, filled from unit, then required, so that the migration also runs on a loaded database.

-- DropIndex
DROP INDEX "unit_version_parent_id_valid_from_valid_to_unit_id_idx";

-- AlterTable
ALTER TABLE "unit_version" ADD COLUMN     "code" TEXT,
ADD COLUMN     "kind" "UnitKind";

UPDATE "unit_version" v SET "code" = u."code", "kind" = u."kind" FROM "unit" u WHERE u."id" = v."unit_id";

ALTER TABLE "unit_version" ALTER COLUMN "code" SET NOT NULL,
ALTER COLUMN "kind" SET NOT NULL;

-- CreateIndex
CREATE INDEX "unit_version_parent_id_valid_from_valid_to_unit_id_code_kin_idx" ON "unit_version"("parent_id", "valid_from", "valid_to", "unit_id", "code", "kind");
