-- A DRAFT plan is read only inside the jurisdiction that recorded it (and by SYSTEM_ADMIN): the recording caller's
-- jurisdiction unit is kept with the plan. Drafts recorded before have none and are left to SYSTEM_ADMIN.
ALTER TABLE "reorganisation_plan" ADD COLUMN "author_unit_id" UUID;
