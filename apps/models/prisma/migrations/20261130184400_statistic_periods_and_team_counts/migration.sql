-- AlterTable
ALTER TABLE "model_site" ADD COLUMN "closed_by" TEXT,
ADD COLUMN "closed_reason" TEXT;

-- AlterTable
ALTER TABLE "model_team" ADD COLUMN "disbanded_by" TEXT,
ADD COLUMN "disbanded_reason" TEXT;

-- CreateTable
CREATE TABLE "model_team_count_change" (
    "team_id" UUID NOT NULL,
    "effective_on" DATE NOT NULL,
    "member_count" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_team_count_change_pkey" PRIMARY KEY ("team_id","effective_on")
);

-- CreateTable
CREATE TABLE "model_statistic_period" (
    "model_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "host_unit_id" UUID NOT NULL,
    "host_kind" TEXT NOT NULL,
    "path" UUID[],
    "lineage_root_id" UUID NOT NULL,
    "founded_on" DATE NOT NULL,
    "sites" INTEGER NOT NULL,
    "teams" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "last_training_on" DATE,

    CONSTRAINT "model_statistic_period_pkey" PRIMARY KEY ("model_id","valid_from")
);

-- CreateIndex
CREATE INDEX "model_statistic_period_path_idx" ON "model_statistic_period" USING GIN ("path");

-- CreateIndex
CREATE INDEX "model_statistic_period_valid_from_idx" ON "model_statistic_period"("valid_from");

-- AddForeignKey
ALTER TABLE "model_team_count_change" ADD CONSTRAINT "model_team_count_change_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "model_team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The statistics read model's one derivation (ADR 0017): the periods of the given models, written again from the registry and
-- the unit directory. A period starts on the founding, on each host change, where a version of the host or of one of its
-- ancestors starts or ends, and on each date a site opens or closes, a team is formed, disbanded or recounted, or a training
-- is held; it ends at the dissolution. The host on a date is the one the model had that day (`model_host_change`: the first
-- change after it names the host it left), its path the chain of parents on the directory's versions of that day.
CREATE FUNCTION refresh_model_statistic_periods(model_ids uuid[]) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  written integer;
BEGIN
  -- The models' rows are locked first (in id order), so that two transactions deriving the same model (a command and the
  -- directory consumer) run one after the other, the second reading the first's committed periods (each statement of a
  -- function takes a new snapshot under READ COMMITTED).
  PERFORM 1 FROM self_management_model WHERE id IN (SELECT unnest(model_ids)) ORDER BY id FOR UPDATE;
  -- The ids as a set (hash-joined), never `= ANY(array)` (a linear search per row: quadratic for a backfill).
  DELETE FROM model_statistic_period p USING (SELECT DISTINCT unnest(model_ids) AS id) ids WHERE p.model_id = ids.id;
  WITH RECURSIVE
  m AS (
    SELECT id, lineage_root_id, founded_on, host_unit_id,
           CASE WHEN status = 'DISSOLVED' THEN status_on ELSE 'infinity'::date END AS ended_on
    FROM self_management_model WHERE id IN (SELECT unnest(model_ids))
  ),
  host_start AS (
    SELECT m.id AS model_id, m.founded_on AS d FROM m
    UNION
    SELECT hc.model_id, hc.effective_on FROM model_host_change hc JOIN m ON m.id = hc.model_id
    WHERE hc.effective_on > m.founded_on AND hc.effective_on < m.ended_on
  ),
  host_period AS (
    SELECT b.model_id, b.d AS lo, LEAST(COALESCE(lead(b.d) OVER (PARTITION BY b.model_id ORDER BY b.d), 'infinity'::date), m.ended_on) AS hi,
           COALESCE((SELECT hc.from_unit_id FROM model_host_change hc WHERE hc.model_id = b.model_id AND hc.effective_on > b.d ORDER BY hc.id LIMIT 1), m.host_unit_id) AS host
    FROM host_start b JOIN m ON m.id = b.model_id
  ),
  up AS (
    SELECT hp.model_id, hp.host, GREATEST(hp.lo, v.valid_from) AS lo, LEAST(hp.hi, COALESCE(v.valid_to, 'infinity'::date)) AS hi,
           v.parent_id, ARRAY[v.unit_id] AS path, 0 AS depth
    FROM host_period hp JOIN directory_unit_version v
      ON v.unit_id = hp.host AND v.valid_from < hp.hi AND COALESCE(v.valid_to, 'infinity'::date) > hp.lo
    WHERE hp.lo < hp.hi
    UNION ALL
    SELECT u.model_id, u.host, GREATEST(u.lo, v.valid_from), LEAST(u.hi, COALESCE(v.valid_to, 'infinity'::date)),
           v.parent_id, v.unit_id || u.path, u.depth + 1
    FROM up u JOIN directory_unit_version v
      ON v.unit_id = u.parent_id AND v.valid_from < u.hi AND COALESCE(v.valid_to, 'infinity'::date) > u.lo
    WHERE u.depth < 32
  ),
  path_period AS (SELECT model_id, host, lo, hi, path FROM up WHERE parent_id IS NULL),
  change_date AS (
    SELECT s.model_id, s.opened_on AS d FROM model_site s JOIN m ON m.id = s.model_id
    UNION SELECT s.model_id, s.closed_on FROM model_site s JOIN m ON m.id = s.model_id WHERE s.closed_on IS NOT NULL
    UNION SELECT t.model_id, t.formed_on FROM model_team t JOIN m ON m.id = t.model_id
    UNION SELECT t.model_id, t.disbanded_on FROM model_team t JOIN m ON m.id = t.model_id WHERE t.disbanded_on IS NOT NULL
    UNION SELECT t.model_id, c.effective_on FROM model_team_count_change c JOIN model_team t ON t.id = c.team_id JOIN m ON m.id = t.model_id
    UNION SELECT tr.model_id, tr.held_on FROM model_training tr JOIN m ON m.id = tr.model_id
  ),
  period_start AS (
    SELECT p.model_id, p.lo AS segment, p.hi AS segment_end, p.host, p.path, p.lo AS d FROM path_period p
    UNION ALL
    SELECT p.model_id, p.lo, p.hi, p.host, p.path, c.d FROM path_period p JOIN change_date c ON c.model_id = p.model_id AND c.d > p.lo AND c.d < p.hi
  ),
  period AS (
    SELECT model_id, host, path, d AS lo, COALESCE(lead(d) OVER (PARTITION BY model_id, segment ORDER BY d), segment_end) AS hi FROM period_start
  )
  INSERT INTO model_statistic_period (model_id, valid_from, valid_to, host_unit_id, host_kind, path, lineage_root_id, founded_on, sites, teams, members, last_training_on)
  SELECT p.model_id, p.lo, NULLIF(p.hi, 'infinity'::date), p.host, u.kind, p.path, m.lineage_root_id, m.founded_on,
         (SELECT count(*) FROM model_site s WHERE s.model_id = p.model_id AND s.opened_on <= p.lo AND (s.closed_on IS NULL OR s.closed_on > p.lo))::int,
         (SELECT count(*) FROM model_team t WHERE t.model_id = p.model_id AND t.formed_on <= p.lo AND (t.disbanded_on IS NULL OR t.disbanded_on > p.lo))::int,
         (SELECT COALESCE(sum(COALESCE(
            (SELECT c.member_count FROM model_team_count_change c WHERE c.team_id = t.id AND c.effective_on <= p.lo ORDER BY c.effective_on DESC LIMIT 1),
            t.member_count)), 0)
          FROM model_team t WHERE t.model_id = p.model_id AND t.formed_on <= p.lo AND (t.disbanded_on IS NULL OR t.disbanded_on > p.lo))::int,
         (SELECT max(tr.held_on) FROM model_training tr WHERE tr.model_id = p.model_id AND tr.held_on <= p.lo)
  FROM period p JOIN m ON m.id = p.model_id JOIN directory_unit u ON u.unit_id = p.host;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$fn$;

-- Backfill: every model already registered.
SELECT refresh_model_statistic_periods(ARRAY(SELECT id FROM self_management_model));
