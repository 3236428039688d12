-- The pending review steps in the review queue's order (deadline, then assessment id), for a system admin's queue page to
-- walk in order and stop after the page (and for the reminder scheduler's due steps). Partial: only PENDING steps, the ones
-- the queue and the reminders read; written by hand, Prisma's schema cannot express a partial index (the drift check does
-- not read it back).
CREATE INDEX "assessment_review_step_pending_deadline_idx" ON "assessment_review_step" ("deadline", "assessment_id") WHERE "status" = 'PENDING';
