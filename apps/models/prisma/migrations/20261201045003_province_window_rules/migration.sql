-- AlterTable
ALTER TABLE "evaluation_window_rule" ADD COLUMN     "province_id" UUID;

-- AlterTable
ALTER TABLE "model_review" ADD COLUMN     "province_id" UUID;

-- CreateIndex
CREATE INDEX "evaluation_window_rule_province_id_valid_from_year_idx" ON "evaluation_window_rule"("province_id", "valid_from_year");

-- CreateIndex
CREATE INDEX "model_review_province_id_year_idx" ON "model_review"("province_id", "year");

-- Reviews made so far used the national rules (no province had any); each records the province its host lay in on its
-- window's end (else on the review date), so that a province's later rule covering a year its units were reviewed in is
-- refused (ADR 0021, addendum). The helper only serves this backfill.
CREATE FUNCTION models_province_on(unit UUID, day DATE) RETURNS UUID LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT v.unit_id, v.parent_id, 0 AS depth FROM directory_unit_version v
    WHERE v.unit_id = unit AND v.valid_from <= day AND (v.valid_to IS NULL OR v.valid_to > day)
    UNION ALL
    SELECT v.unit_id, v.parent_id, up.depth + 1 FROM up JOIN directory_unit_version v
      ON v.unit_id = up.parent_id AND v.valid_from <= day AND (v.valid_to IS NULL OR v.valid_to > day)
    WHERE up.depth < 32
  )
  SELECT up.unit_id FROM up JOIN directory_unit u ON u.unit_id = up.unit_id AND u.kind = 'PROVINCE' ORDER BY up.depth LIMIT 1
$$;
UPDATE "model_review" SET "province_id" = COALESCE(models_province_on("host_unit_id", "window_end"), models_province_on("host_unit_id", "reviewed_on"));
DROP FUNCTION models_province_on(UUID, DATE);

-- A province rule names a PROVINCE of the directory (checked when written; the service checks it first and answers
-- BAD_USER_INPUT), on top of the earlier checks of the dates.
CREATE OR REPLACE FUNCTION evaluation_window_rule_is_valid() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF NEW."province_id" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."province_id" IS DISTINCT FROM OLD."province_id")
     AND NOT EXISTS (SELECT 1 FROM "directory_unit" u WHERE u."unit_id" = NEW."province_id" AND u."kind" = 'PROVINCE') THEN
    RAISE EXCEPTION 'evaluation_window_rule %: province_id % is not a province of the directory', NEW."id", NEW."province_id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- The province is part of the rule's key: never changed. Closing a province's rule is refused while the years given up have
-- reviews of that province's units; closing a national rule, while they have any review (as before).
CREATE OR REPLACE FUNCTION evaluation_window_rule_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'evaluation_window_rule %: rules are never deleted', OLD."id" USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW."id", NEW."province_id", NEW."unit_kinds", NEW."start_month", NEW."start_day", NEW."start_year_offset", NEW."end_month", NEW."end_day",
      NEW."valid_from_year", NEW."reason", NEW."created_by", NEW."created_by_unit_id", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."province_id", OLD."unit_kinds", OLD."start_month", OLD."start_day", OLD."start_year_offset", OLD."end_month", OLD."end_day",
      OLD."valid_from_year", OLD."reason", OLD."created_by", OLD."created_by_unit_id", OLD."created_at") THEN
    RAISE EXCEPTION 'evaluation_window_rule %: only valid_to_year changes (a new version closes it)', OLD."id" USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW."valid_to_year" IS DISTINCT FROM OLD."valid_to_year" THEN
    IF NEW."valid_to_year" IS NULL OR (OLD."valid_to_year" IS NOT NULL AND NEW."valid_to_year" > OLD."valid_to_year") THEN
      RAISE EXCEPTION 'evaluation_window_rule %: a rule is only closed earlier, never extended', OLD."id" USING ERRCODE = 'restrict_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM "model_review" r WHERE r."year" > NEW."valid_to_year" AND (OLD."valid_to_year" IS NULL OR r."year" <= OLD."valid_to_year")
               AND (OLD."province_id" IS NULL OR r."province_id" = OLD."province_id")) THEN
      RAISE EXCEPTION 'evaluation_window_rule %: years after % already have reviews', OLD."id", NEW."valid_to_year" USING ERRCODE = 'restrict_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;
