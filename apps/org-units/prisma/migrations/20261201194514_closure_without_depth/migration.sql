-- The closure no longer records how many levels lie between a unit and its ancestor (ADR 0008): a row says only that
-- the ancestor was above the unit in a period, so a unit whose district is abolished keeps its row to the province
-- (carried on) instead of having it cut and another inserted one level up. Nothing read the depth but "below the root"
-- (depth ≥ 1), which is `descendant_id <> ancestor_id`.

-- DropIndex
DROP INDEX "unit_closure_ancestor_id_code_valid_from_valid_to_descendan_idx";

-- AlterTable
ALTER TABLE "unit_closure" DROP COLUMN "depth";

-- Rows of one (descendant, ancestor, code) that met end to end at a change of depth are now one period: derived again
-- from the versions, as the service derives them (src/domain/unit/unit-closure.repository.ts, derivedClosureRows).
DELETE FROM "unit_closure";
INSERT INTO "unit_closure" ("descendant_id", "ancestor_id", "valid_from", "valid_to", "code", "kind")
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
    FROM walk WINDOW pair AS (PARTITION BY descendant_id, ancestor_id, code ORDER BY valid_from)
),
islands AS (
    SELECT marked.*, sum(starts) OVER (PARTITION BY descendant_id, ancestor_id, code ORDER BY valid_from) AS island FROM marked
)
SELECT descendant_id, ancestor_id, min(valid_from), CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END, code, kind
FROM islands GROUP BY descendant_id, ancestor_id, island, code, kind;

-- CreateIndex
CREATE INDEX "unit_closure_ancestor_id_code_valid_from_valid_to_descendan_idx" ON "unit_closure"("ancestor_id", "code", "valid_from", "valid_to", "descendant_id", "kind");
