-- AlterTable
ALTER TABLE "recognition_revision" ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'DECIDED';

-- CreateTable
CREATE TABLE "recognising_body_rule" (
    "id" UUID NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "body_kinds" TEXT[],
    "verified" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "recognising_body_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recognising_body_rule_unit_kind_valid_from_idx" ON "recognising_body_rule"("unit_kind", "valid_from");

-- The revisions written before this migration: the original decisions and the revocations.
UPDATE "recognition_revision" SET "action" = 'REVOKED' WHERE "status" = 'REVOKED' AND "revision" > 1;

-- A rule's period is not empty and it names at least one body kind. A trigger rather than CHECK constraints: the offline
-- schema engine's describer (tools/prisma-offline) cannot read CHECK constraints back and the drift check would fail.
CREATE FUNCTION recognising_body_rule_is_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."valid_to" IS NOT NULL AND NEW."valid_to" <= NEW."valid_from" THEN
    RAISE EXCEPTION 'recognising_body_rule %: valid_to must be after valid_from', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."body_kinds" IS NULL OR cardinality(NEW."body_kinds") = 0 THEN
    RAISE EXCEPTION 'recognising_body_rule %: at least one body kind', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER recognising_body_rule_valid BEFORE INSERT OR UPDATE ON "recognising_body_rule"
  FOR EACH ROW EXECUTE FUNCTION recognising_body_rule_is_valid();

-- R2 seeded: before the two-level government (Circular 124/2021/TT-BCA as DOMAIN.md R2 reads it) the People's Committee of the level
-- that manages the unit: the commune for its residential areas and local units, the district for communes and its units, the
-- province for province-managed units. From 01/07/2025 there is no district level; Circular 48/2025/TT-BCA changed the routing
-- and who recognises which unit is not verified against the primary text: seeded as the commune for its residential areas and
-- local units and the province for communes and everything else, flagged unverified.
INSERT INTO "recognising_body_rule" ("id", "unit_kind", "valid_from", "valid_to", "body_kinds", "verified", "source") VALUES
  ('8a0f4d0e-2b1c-4d51-9a51-000000000001', 'RESIDENTIAL_AREA', '2000-01-01', '2025-07-01', ARRAY['COMMUNE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp xã công nhận khu dân cư'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000002', 'COMMUNE', '2000-01-01', '2025-07-01', ARRAY['DISTRICT', 'PROVINCE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp huyện công nhận xã, phường, thị trấn'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000003', 'AGENCY', '2000-01-01', '2025-07-01', ARRAY['COMMUNE', 'DISTRICT', 'PROVINCE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp quản lý cơ quan công nhận'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000004', 'DEPARTMENT', '2000-01-01', '2025-07-01', ARRAY['COMMUNE', 'DISTRICT', 'PROVINCE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp quản lý cơ quan công nhận'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000005', 'ENTERPRISE', '2000-01-01', '2025-07-01', ARRAY['COMMUNE', 'DISTRICT', 'PROVINCE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp quản lý doanh nghiệp công nhận'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000006', 'SCHOOL', '2000-01-01', '2025-07-01', ARRAY['COMMUNE', 'DISTRICT', 'PROVINCE'], true, 'Thông tư 124/2021/TT-BCA: UBND cấp quản lý nhà trường công nhận'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000011', 'RESIDENTIAL_AREA', '2025-07-01', NULL, ARRAY['COMMUNE'], false, 'Chính quyền hai cấp từ 01/07/2025; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000012', 'COMMUNE', '2025-07-01', NULL, ARRAY['PROVINCE'], false, 'Chính quyền hai cấp từ 01/07/2025: không còn cấp huyện; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000013', 'AGENCY', '2025-07-01', NULL, ARRAY['COMMUNE', 'PROVINCE'], false, 'Chính quyền hai cấp từ 01/07/2025; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000014', 'DEPARTMENT', '2025-07-01', NULL, ARRAY['COMMUNE', 'PROVINCE'], false, 'Chính quyền hai cấp từ 01/07/2025; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000015', 'ENTERPRISE', '2025-07-01', NULL, ARRAY['COMMUNE', 'PROVINCE'], false, 'Chính quyền hai cấp từ 01/07/2025; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)'),
  ('8a0f4d0e-2b1c-4d51-9a51-000000000016', 'SCHOOL', '2025-07-01', NULL, ARRAY['COMMUNE', 'PROVINCE'], false, 'Chính quyền hai cấp từ 01/07/2025; Thông tư 48/2025/TT-BCA (chưa đối chiếu văn bản gốc)');
