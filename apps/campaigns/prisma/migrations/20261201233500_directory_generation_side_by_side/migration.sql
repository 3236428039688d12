-- The directory generation becomes the sum of sixteen counters (ADR 0013 addendum). With one row, the first statement of a
-- directory write locked it until commit, so the unit directory consumer's partitions, applied side by side, waited for
-- one another for most of each batch. Now each writing statement bumps the first counter no other transaction holds (an
-- own earlier one included), and only when all sixteen are held does it wait for the first. Every transaction that writes
-- the directory still adds at least one, in its own transaction, so the sum read in a snapshot changes exactly when the
-- directory rows it sees do.
INSERT INTO "directory_generation" ("id", "generation") SELECT g, 0 FROM generate_series(2, 16) AS g ON CONFLICT ("id") DO NOTHING;

CREATE OR REPLACE FUNCTION "bump_directory_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "directory_generation" SET "generation" = "generation" + 1
  WHERE "id" = (SELECT "id" FROM "directory_generation" ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED);
  IF NOT FOUND THEN
    UPDATE "directory_generation" SET "generation" = "generation" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;
