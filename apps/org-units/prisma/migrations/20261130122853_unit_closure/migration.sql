-- CreateTable
CREATE TABLE "unit_closure" (
    "ancestor_id" UUID NOT NULL,
    "descendant_id" UUID NOT NULL,
    "depth" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "code" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,

    CONSTRAINT "unit_closure_pkey" PRIMARY KEY ("descendant_id","ancestor_id","valid_from")
);

-- CreateIndex
CREATE INDEX "unit_closure_ancestor_id_code_valid_from_valid_to_descendan_idx" ON "unit_closure"("ancestor_id", "code", "valid_from", "valid_to", "descendant_id", "kind", "depth");

-- Backfill from the existing versions, as the service derives the rows (src/domain/unit/unit-closure.repository.ts):
-- each unit is its own ancestor at depth 0 over its versions; walking up, an ancestor's version narrows the period;
-- rows of one (descendant, ancestor, depth) that meet end to end are merged.
INSERT INTO "unit_closure" ("descendant_id", "ancestor_id", "depth", "valid_from", "valid_to", "code", "kind")
WITH RECURSIVE walk AS (
    SELECT v.unit_id AS descendant_id, v.unit_id AS ancestor_id, 0 AS depth, v.valid_from, v.valid_to, v.code, v.kind
    FROM "unit_version" v
    UNION ALL
    SELECT w.descendant_id, p.parent_id, w.depth + 1, greatest(w.valid_from, p.valid_from), least(w.valid_to, p.valid_to), w.code, w.kind
    FROM walk w JOIN "unit_version" p ON p.unit_id = w.ancestor_id
    WHERE p.parent_id IS NOT NULL AND w.depth < 64
      AND p.valid_from < coalesce(w.valid_to, 'infinity'::date) AND coalesce(p.valid_to, 'infinity'::date) > w.valid_from
),
marked AS (
    SELECT walk.*, CASE WHEN lag(valid_to) OVER pair = valid_from THEN 0 ELSE 1 END AS starts
    FROM walk WINDOW pair AS (PARTITION BY descendant_id, ancestor_id, depth ORDER BY valid_from)
),
islands AS (
    SELECT marked.*, sum(starts) OVER (PARTITION BY descendant_id, ancestor_id, depth ORDER BY valid_from) AS island FROM marked
)
SELECT descendant_id, ancestor_id, depth, min(valid_from), CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END, code, kind
FROM islands GROUP BY descendant_id, ancestor_id, depth, island, code, kind;
