-- CreateTable
CREATE TABLE "directory_generation" (
    "id" INTEGER NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "directory_generation_pkey" PRIMARY KEY ("id")
);

-- The one row the attainment read compares its cached subtree shapes against (ADR 0013 addendum).
INSERT INTO "directory_generation" ("id", "generation") VALUES (1, 0);

-- Bumped once per statement that writes the unit directory's units or versions (the projection writes a batch in a few
-- statements), in the writer's transaction: a reader sees the new generation exactly when it sees the new rows.
CREATE FUNCTION "bump_directory_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "directory_generation" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "directory_unit_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directory_unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_directory_generation"();
CREATE TRIGGER "directory_unit_version_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directory_unit_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_directory_generation"();
