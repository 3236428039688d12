-- A plan is audited by one record, its own row: who applied it, when, its operations, its summary and now the units it
-- changed. Plans applied before this wrote one unit_change row per unit instead, and keep them; they get no list here.
ALTER TABLE "reorganisation_plan" ADD COLUMN "changed_unit_ids" UUID[] DEFAULT ARRAY[]::UUID[];
