-- CreateTable
CREATE TABLE "evaluation_window_rule" (
    "id" UUID NOT NULL,
    "unit_kinds" TEXT[],
    "start_month" INTEGER NOT NULL,
    "start_day" INTEGER NOT NULL,
    "start_year_offset" INTEGER NOT NULL,
    "end_month" INTEGER NOT NULL,
    "end_day" INTEGER NOT NULL,
    "valid_from_year" INTEGER NOT NULL,
    "valid_to_year" INTEGER,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_by_unit_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_window_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_window_rule_change" (
    "id" BIGSERIAL NOT NULL,
    "rule_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "valid_to_year_before" INTEGER,
    "valid_to_year_after" INTEGER,
    "actor" TEXT NOT NULL,
    "actor_unit_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,

    CONSTRAINT "evaluation_window_rule_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluation_window_rule_valid_from_year_idx" ON "evaluation_window_rule"("valid_from_year");

-- CreateIndex
CREATE INDEX "evaluation_window_rule_change_rule_id_id_idx" ON "evaluation_window_rule_change"("rule_id", "id");

-- CreateIndex
CREATE INDEX "model_review_year_idx" ON "model_review"("year");

-- AddForeignKey
ALTER TABLE "evaluation_window_rule_change" ADD CONSTRAINT "evaluation_window_rule_change_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "evaluation_window_rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A rule's dates are a real day of the month (29/02 refused: a window must exist every year), the start lies in the window's
-- year or the previous one, the window is neither empty nor longer than a year, and its years are not empty. Triggers rather
-- than CHECK constraints: the offline schema engine's describer (tools/prisma-offline) cannot read CHECK constraints back.
CREATE FUNCTION evaluation_window_rule_is_valid() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  month_days CONSTANT INTEGER[] := ARRAY[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
BEGIN
  IF NEW."start_month" NOT BETWEEN 1 AND 12 OR NEW."end_month" NOT BETWEEN 1 AND 12
     OR NEW."start_day" NOT BETWEEN 1 AND month_days[NEW."start_month"] OR NEW."end_day" NOT BETWEEN 1 AND month_days[NEW."end_month"] THEN
    RAISE EXCEPTION 'evaluation_window_rule %: not a day of every year', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."start_year_offset" NOT IN (0, -1)
     OR (NEW."start_year_offset" = 0 AND (NEW."start_month", NEW."start_day") > (NEW."end_month", NEW."end_day"))
     OR (NEW."start_year_offset" = -1 AND (NEW."start_month", NEW."start_day") <= (NEW."end_month", NEW."end_day")) THEN
    RAISE EXCEPTION 'evaluation_window_rule %: the window is empty or longer than a year', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."valid_to_year" IS NOT NULL AND NEW."valid_to_year" < NEW."valid_from_year" THEN
    RAISE EXCEPTION 'evaluation_window_rule %: valid_to_year before valid_from_year', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evaluation_window_rule_valid BEFORE INSERT OR UPDATE ON "evaluation_window_rule"
  FOR EACH ROW EXECUTE FUNCTION evaluation_window_rule_is_valid();

-- A rule is never deleted and never edited, except that a later version closes it (valid_to_year set or moved earlier), and
-- only while no review exists for the years it gives up: a rule in use for a year that has reviews stays as it is.
CREATE FUNCTION evaluation_window_rule_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'evaluation_window_rule %: rules are never deleted', OLD."id" USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW."id", NEW."unit_kinds", NEW."start_month", NEW."start_day", NEW."start_year_offset", NEW."end_month", NEW."end_day",
      NEW."valid_from_year", NEW."reason", NEW."created_by", NEW."created_by_unit_id", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."unit_kinds", OLD."start_month", OLD."start_day", OLD."start_year_offset", OLD."end_month", OLD."end_day",
      OLD."valid_from_year", OLD."reason", OLD."created_by", OLD."created_by_unit_id", OLD."created_at") THEN
    RAISE EXCEPTION 'evaluation_window_rule %: only valid_to_year changes (a new version closes it)', OLD."id" USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW."valid_to_year" IS DISTINCT FROM OLD."valid_to_year" THEN
    IF NEW."valid_to_year" IS NULL OR (OLD."valid_to_year" IS NOT NULL AND NEW."valid_to_year" > OLD."valid_to_year") THEN
      RAISE EXCEPTION 'evaluation_window_rule %: a rule is only closed earlier, never extended', OLD."id" USING ERRCODE = 'restrict_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM "model_review" r WHERE r."year" > NEW."valid_to_year" AND (OLD."valid_to_year" IS NULL OR r."year" <= OLD."valid_to_year")) THEN
      RAISE EXCEPTION 'evaluation_window_rule %: years after % already have reviews', OLD."id", NEW."valid_to_year" USING ERRCODE = 'restrict_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evaluation_window_rule_immutable BEFORE UPDATE OR DELETE ON "evaluation_window_rule"
  FOR EACH ROW EXECUTE FUNCTION evaluation_window_rule_is_immutable();

-- The audit is append-only.
CREATE FUNCTION evaluation_window_rule_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation_window_rule_change %: the audit is append-only', OLD."id" USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER evaluation_window_rule_change_append_only BEFORE UPDATE OR DELETE ON "evaluation_window_rule_change"
  FOR EACH ROW EXECUTE FUNCTION evaluation_window_rule_change_is_append_only();

-- R4 seeded as the code had it (Circular 124/2021/TT-BCA): residential areas 01/11 of the previous year to 31/10; every other
-- kind (communes, agencies, enterprises, schools, and any kind no other rule names) 16/11 of the previous year to 15/11.
INSERT INTO "evaluation_window_rule" ("id", "unit_kinds", "start_month", "start_day", "start_year_offset", "end_month", "end_day", "valid_from_year", "valid_to_year", "reason", "created_by") VALUES
  ('5e1d0a4c-7b2f-4c3e-9d10-000000000001', ARRAY['RESIDENTIAL_AREA'], 11, 1, -1, 10, 31, 1900, NULL, 'Thông tư 124/2021/TT-BCA: khu dân cư từ 01/11 năm trước đến 31/10', 'migration'),
  ('5e1d0a4c-7b2f-4c3e-9d10-000000000002', ARRAY[]::TEXT[], 11, 16, -1, 11, 15, 1900, NULL, 'Thông tư 124/2021/TT-BCA: xã, cơ quan, doanh nghiệp, nhà trường từ 16/11 năm trước đến 15/11', 'migration');
INSERT INTO "evaluation_window_rule_change" ("rule_id", "action", "valid_to_year_before", "valid_to_year_after", "actor", "reason")
  SELECT "id", 'ADDED', NULL, NULL, 'migration', "reason" FROM "evaluation_window_rule";
