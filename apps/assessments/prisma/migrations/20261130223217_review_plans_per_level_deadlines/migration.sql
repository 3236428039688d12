-- AlterTable
ALTER TABLE "assessment" ADD COLUMN     "review_plan_id" UUID;

-- AlterTable: each step's own deadline. The steps of chains built before review plans existed keep the one deadline they were
-- flagged against until now: their rule set's classification deadline (R13) of the assessment's year.
ALTER TABLE "assessment_review_step" ADD COLUMN     "deadline" DATE;
UPDATE "assessment_review_step" s SET "deadline" = (a."year"::text || '-' || rs."deadline")::date
  FROM "assessment" a JOIN "rule_set" rs ON rs."id" = a."rule_set_id"
  WHERE a."id" = s."assessment_id";
ALTER TABLE "assessment_review_step" ALTER COLUMN "deadline" SET NOT NULL;

-- CreateTable
CREATE TABLE "review_plan" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "province_code" TEXT NOT NULL,
    "unit_kind" TEXT NOT NULL,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER,
    "verified" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "review_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_plan_level" (
    "review_plan_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "level_kind" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "final" BOOLEAN NOT NULL,

    CONSTRAINT "review_plan_level_pkey" PRIMARY KEY ("review_plan_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_plan_code_key" ON "review_plan"("code");

-- CreateIndex
CREATE UNIQUE INDEX "review_plan_province_code_unit_kind_from_year_key" ON "review_plan"("province_code", "unit_kind", "from_year");

-- CreateIndex
CREATE UNIQUE INDEX "review_plan_level_review_plan_id_level_kind_key" ON "review_plan_level"("review_plan_id", "level_kind");

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_review_plan_id_fkey" FOREIGN KEY ("review_plan_id") REFERENCES "review_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_plan_level" ADD CONSTRAINT "review_plan_level_review_plan_id_fkey" FOREIGN KEY ("review_plan_id") REFERENCES "review_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A plan's period is not empty; a level is a COMMUNE, DISTRICT or PROVINCE level and its deadline a real month-day (MM-DD).
-- Triggers rather than CHECK constraints: the offline schema engine's describer (tools/prisma-offline) cannot read CHECK
-- constraints back and the drift check would fail.
CREATE FUNCTION review_plan_is_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."to_year" IS NOT NULL AND NEW."to_year" < NEW."from_year" THEN
    RAISE EXCEPTION 'review_plan %: to_year must not be before from_year', NEW."code" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER review_plan_valid BEFORE INSERT OR UPDATE ON "review_plan" FOR EACH ROW EXECUTE FUNCTION review_plan_is_valid();

CREATE FUNCTION review_plan_level_is_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."level_kind" NOT IN ('COMMUNE', 'DISTRICT', 'PROVINCE') THEN
    RAISE EXCEPTION 'review_plan_level %/%: level_kind must be COMMUNE, DISTRICT or PROVINCE', NEW."review_plan_id", NEW."position" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."deadline" !~ '^[0-9]{2}-[0-9]{2}$' OR to_char(to_date('2000-' || NEW."deadline", 'YYYY-MM-DD'), 'MM-DD') <> NEW."deadline" THEN
    RAISE EXCEPTION 'review_plan_level %/%: deadline % is not a month-day MM-DD', NEW."review_plan_id", NEW."position", NEW."deadline" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER review_plan_level_valid BEFORE INSERT OR UPDATE ON "review_plan_level" FOR EACH ROW EXECUTE FUNCTION review_plan_level_is_valid();

-- Thái Bình's 2024 review plans (in force from 2024, open-ended, like the 2024 rule sets). A level's deadline is R13's date for
-- that level's work (Decision 510 Art. 11 as DOMAIN.md R13 reads it from a secondary source): the commune's reviews by 20/11, the
-- district's by 30/11, the province's by 15/12. Residential areas and communes go up to the province (the chain the service ran
-- until now). Agencies, departments, enterprises and schools stop at the district that manages them (or the district above the
-- commune that does), or at the province when the province manages them (or, from 01/07/2025, when no district lies above); R13
-- names 30/11 as their classification deadline, so their final level is due by 30/11. Neither the plan nor the sources read say
-- where a kind's review stops: every plan is unverified.
INSERT INTO "review_plan" ("id", "code", "province_code", "unit_kind", "from_year", "to_year", "verified", "source") VALUES
  ('5c7e2a10-4f3b-4c6e-8d21-000000000001', 'TB-2024-REVIEW-RESIDENTIAL_AREA', 'TB', 'RESIDENTIAL_AREA', 2024, NULL, false, 'QĐ 510/QĐ-BCA-V05 Điều 11 (nguồn thứ cấp): xã thẩm định trước 20/11, huyện trước 30/11, tỉnh trước 15/12 (chưa đối chiếu văn bản gốc)'),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000002', 'TB-2024-REVIEW-COMMUNE', 'TB', 'COMMUNE', 2024, NULL, false, 'QĐ 510/QĐ-BCA-V05 Điều 11 (nguồn thứ cấp): huyện thẩm định xã trước 30/11, tỉnh trước 15/12 (chưa đối chiếu văn bản gốc)'),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000003', 'TB-2024-REVIEW-AGENCY', 'TB', 'AGENCY', 2024, NULL, false, 'Mặc định chưa xác minh: xã trước 20/11; dừng ở cấp huyện (hoặc tỉnh nếu tỉnh quản lý) trước 30/11 (QĐ 510 Điều 11, nguồn thứ cấp)'),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000004', 'TB-2024-REVIEW-DEPARTMENT', 'TB', 'DEPARTMENT', 2024, NULL, false, 'Mặc định chưa xác minh: xã trước 20/11; dừng ở cấp huyện (hoặc tỉnh nếu tỉnh quản lý) trước 30/11 (QĐ 510 Điều 11, nguồn thứ cấp)'),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000005', 'TB-2024-REVIEW-ENTERPRISE', 'TB', 'ENTERPRISE', 2024, NULL, false, 'Mặc định chưa xác minh: xã trước 20/11; dừng ở cấp huyện (hoặc tỉnh nếu tỉnh quản lý) trước 30/11 (QĐ 510 Điều 11, nguồn thứ cấp)'),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000006', 'TB-2024-REVIEW-SCHOOL', 'TB', 'SCHOOL', 2024, NULL, false, 'Mặc định chưa xác minh: xã trước 20/11; dừng ở cấp huyện (hoặc tỉnh nếu tỉnh quản lý) trước 30/11 (QĐ 510 Điều 11, nguồn thứ cấp)');

INSERT INTO "review_plan_level" ("review_plan_id", "position", "level_kind", "deadline", "final") VALUES
  ('5c7e2a10-4f3b-4c6e-8d21-000000000001', 0, 'COMMUNE', '11-20', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000001', 1, 'DISTRICT', '11-30', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000001', 2, 'PROVINCE', '12-15', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000002', 0, 'DISTRICT', '11-30', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000002', 1, 'PROVINCE', '12-15', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000003', 0, 'COMMUNE', '11-20', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000003', 1, 'DISTRICT', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000003', 2, 'PROVINCE', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000004', 0, 'COMMUNE', '11-20', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000004', 1, 'DISTRICT', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000004', 2, 'PROVINCE', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000005', 0, 'COMMUNE', '11-20', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000005', 1, 'DISTRICT', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000005', 2, 'PROVINCE', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000006', 0, 'COMMUNE', '11-20', false),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000006', 1, 'DISTRICT', '11-30', true),
  ('5c7e2a10-4f3b-4c6e-8d21-000000000006', 2, 'PROVINCE', '11-30', true);

-- A plan some assessment's chain was built from is immutable, its levels too (none added, changed or removed): a new version is
-- a new record.
CREATE FUNCTION review_plan_in_use_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "assessment" WHERE "review_plan_id" = OLD."id") THEN
    RAISE EXCEPTION 'review plan % is in use and cannot change: publish a new version', OLD."code" USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE FUNCTION review_plan_level_in_use_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used_plan uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN used_plan := NEW."review_plan_id"; ELSE used_plan := OLD."review_plan_id"; END IF;
  IF EXISTS (SELECT 1 FROM "assessment" WHERE "review_plan_id" = used_plan)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "assessment" WHERE "review_plan_id" = NEW."review_plan_id")) THEN
    RAISE EXCEPTION 'review plan % is in use and its levels cannot change: publish a new version', used_plan USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER review_plan_immutable BEFORE UPDATE OR DELETE ON "review_plan" FOR EACH ROW EXECUTE FUNCTION review_plan_in_use_is_immutable();
CREATE TRIGGER review_plan_level_immutable BEFORE INSERT OR UPDATE OR DELETE ON "review_plan_level" FOR EACH ROW EXECUTE FUNCTION review_plan_level_in_use_is_immutable();
