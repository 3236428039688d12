/**
 * The statistics statement on the read model (ADR 0017): the periods of `model_statistic_period` that hold on $2 (each a
 * running model with its host of that day, the host's path, its open sites, teams, members and last training), tagged with
 * the branch (the child of the root on the path; the root itself for models hosted by the root), joined to trainings of year
 * $3 up to $2 and current ratings of window $3, and grouped as totals, per branch and per host kind. The directory is not read.
 * `national`: one branch per top unit (parameters $2..$4 only: $1 is unused but kept in place); otherwise the root $1's subtree
 * (the path's GIN index). $2 as-of date, $3 evaluation year, $4 first day of the training period.
 *
 * In two steps: the records are first summed per (branch, host kind, lineage) by hashing (no sort), which leaves about one row
 * per model by name and kind (5,000 for the 22,500 records of the national benchmark); the grouping sets then sum those and
 * count the distinct lineages (the Ministry's "models by name") over them. Counting DISTINCT over the records themselves made
 * PostgreSQL sort all of them once per grouping set, the largest part of the national statement's time.
 */
function statisticsSql(national: boolean): string {
  const branch = national ? 'p.path[1]' : 'COALESCE(p.path[array_position(p.path, $1::uuid) + 1], $1::uuid)';
  const subtree = national ? '$1::uuid IS NULL' : 'p.path @> ARRAY[$1::uuid]';
  return `
WITH per_lineage AS (
  SELECT r.branch_id, r.host_kind, r.lineage_root_id, count(*) AS model_records,
         sum(r.sites) AS sites, sum(r.teams) AS teams, sum(r.members) AS members, sum(tr.n) AS trainings,
         count(*) FILTER (WHERE rv.rating = 'EFFECTIVE') AS effective,
         count(*) FILTER (WHERE rv.rating = 'LESS_EFFECTIVE') AS less_effective,
         count(*) FILTER (WHERE rv.rating = 'INEFFECTIVE') AS ineffective,
         count(*) FILTER (WHERE rv.rating IS NULL) AS not_reviewed,
         count(*) FILTER (WHERE r.overdue) AS training_overdue
  FROM (
    SELECT p.model_id, p.lineage_root_id, p.host_kind, p.sites, p.teams, p.members, ${branch} AS branch_id,
           (p.founded_on < $4::date AND (p.last_training_on IS NULL OR p.last_training_on < $4::date)) AS overdue
    FROM model_statistic_period p
    WHERE ${subtree} AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to > $2::date)
  ) r
  LEFT JOIN (
    SELECT tr.model_id, count(*)::int AS n FROM model_training tr
    WHERE tr.held_on >= make_date($3::int, 1, 1) AND tr.held_on <= $2::date GROUP BY tr.model_id
  ) tr ON tr.model_id = r.model_id
  LEFT JOIN model_review rv ON rv.model_id = r.model_id AND rv.year = $3::int AND rv.current
  GROUP BY r.branch_id, r.host_kind, r.lineage_root_id
)
SELECT l.branch_id::text, l.host_kind, GROUPING(l.branch_id)::int AS all_branches, GROUPING(l.host_kind)::int AS all_kinds,
       count(DISTINCT l.lineage_root_id)::int AS models, COALESCE(sum(l.model_records), 0)::int AS model_records,
       COALESCE(sum(l.sites), 0)::int AS sites, COALESCE(sum(l.teams), 0)::int AS teams, COALESCE(sum(l.members), 0)::int AS members,
       COALESCE(sum(l.trainings), 0)::int AS trainings,
       COALESCE(sum(l.effective), 0)::int AS effective, COALESCE(sum(l.less_effective), 0)::int AS less_effective,
       COALESCE(sum(l.ineffective), 0)::int AS ineffective, COALESCE(sum(l.not_reviewed), 0)::int AS not_reviewed,
       COALESCE(sum(l.training_overdue), 0)::int AS training_overdue
FROM per_lineage l
GROUP BY GROUPING SETS ((), (l.branch_id), (l.host_kind))`;
}

export const NATIONAL_STATISTICS_SQL = statisticsSql(true);
export const SUBTREE_STATISTICS_SQL = statisticsSql(false);

/** Writes the read model's periods of the given models again (the migration's function; one statement, in the caller's transaction). */
export const REFRESH_PERIODS_SQL = 'SELECT refresh_model_statistic_periods($1::uuid[]) AS written';
