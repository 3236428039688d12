const LIVE = (alias: string) => `${alias}.valid_from <= $2::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $2::date)`;

/**
 * The reference the statistics read model is checked against (`statistics-read-model.int.spec.ts`): the statement the service
 * used before ADR 0017, a straightforward count on the registry and the directory. One statement: the subtree of $1 on $2 (each unit tagged with the child of $1 it lies under), the models running there on
 * $2 (founded, not dissolved, at the host they had that day), their open sites and teams, trainings of year $3 up to $2, current
 * ratings of window $3, and the training flag (no training since $4); grouped as totals, per child and per host kind.
 * $1 root unit (null: the whole country, one branch per top unit), $2 as-of date, $3 evaluation year, $4 first day of the training period.
 */
export const STRAIGHT_COUNT_SQL = `
WITH RECURSIVE tree AS (
  -- Rooted at $1, or (null) at every top unit: then each top unit is a branch of its own, at depth 1.
  SELECT v.unit_id, v.unit_id AS branch_id, CASE WHEN $1::uuid IS NULL THEN 1 ELSE 0 END AS depth
  FROM directory_unit_version v
  WHERE (CASE WHEN $1::uuid IS NULL THEN v.parent_id IS NULL ELSE v.unit_id = $1::uuid END) AND ${LIVE('v')}
  UNION ALL
  SELECT v.unit_id, CASE WHEN t.depth = 0 THEN v.unit_id ELSE t.branch_id END, t.depth + 1
  FROM tree t JOIN directory_unit_version v ON v.parent_id = t.unit_id AND ${LIVE('v')}
  WHERE t.depth < 32
),
-- Models whose host on $2 was another unit (their host was merged later): the host they had that day.
moved AS (
  SELECT DISTINCT ON (hc.model_id) hc.model_id, hc.from_unit_id AS host_on
  FROM model_host_change hc WHERE hc.effective_on > $2::date ORDER BY hc.model_id, hc.id
),
running AS (
  SELECT m.id, m.lineage_root_id, m.founded_on, t.branch_id, t.unit_id AS host_on
  FROM tree t JOIN self_management_model m ON m.host_unit_id = t.unit_id
  WHERE m.founded_on <= $2::date AND (m.status <> 'DISSOLVED' OR m.status_on > $2::date)
    AND NOT EXISTS (SELECT 1 FROM moved mv WHERE mv.model_id = m.id)
  UNION ALL
  SELECT m.id, m.lineage_root_id, m.founded_on, t.branch_id, t.unit_id AS host_on
  FROM moved mv JOIN tree t ON t.unit_id = mv.host_on JOIN self_management_model m ON m.id = mv.model_id
  WHERE m.founded_on <= $2::date AND (m.status <> 'DISSOLVED' OR m.status_on > $2::date)
),
sites AS (
  SELECT s.model_id, count(*)::int AS n FROM model_site s JOIN running r ON r.id = s.model_id
  WHERE s.opened_on <= $2::date AND (s.closed_on IS NULL OR s.closed_on > $2::date) GROUP BY s.model_id
),
teams AS (
  SELECT tm.model_id, count(*)::int AS n,
         sum(COALESCE((SELECT c.member_count FROM model_team_count_change c WHERE c.team_id = tm.id AND c.effective_on <= $2::date ORDER BY c.effective_on DESC LIMIT 1), tm.member_count))::int AS members
  FROM model_team tm JOIN running r ON r.id = tm.model_id
  WHERE tm.formed_on <= $2::date AND (tm.disbanded_on IS NULL OR tm.disbanded_on > $2::date) GROUP BY tm.model_id
),
trainings AS (
  SELECT tr.model_id, count(*) FILTER (WHERE tr.held_on >= make_date($3::int, 1, 1))::int AS n, max(tr.held_on) AS last
  FROM model_training tr JOIN running r ON r.id = tr.model_id WHERE tr.held_on <= $2::date GROUP BY tr.model_id
),
ratings AS (
  SELECT rv.model_id, rv.rating FROM model_review rv JOIN running r ON r.id = rv.model_id WHERE rv.year = $3::int AND rv.current
),
rows AS (
  SELECT r.*, u.kind AS host_kind, COALESCE(s.n, 0) AS sites, COALESCE(t.n, 0) AS teams, COALESCE(t.members, 0) AS members, COALESCE(tr.n, 0) AS trainings,
         rt.rating, (r.founded_on < $4::date AND (tr.last IS NULL OR tr.last < $4::date)) AS overdue
  FROM running r JOIN directory_unit u ON u.unit_id = r.host_on LEFT JOIN sites s ON s.model_id = r.id LEFT JOIN teams t ON t.model_id = r.id
  LEFT JOIN trainings tr ON tr.model_id = r.id LEFT JOIN ratings rt ON rt.model_id = r.id
)
SELECT branch_id::text, host_kind, GROUPING(branch_id)::int AS all_branches, GROUPING(host_kind)::int AS all_kinds,
       count(DISTINCT lineage_root_id)::int AS models, count(*)::int AS model_records,
       COALESCE(sum(sites), 0)::int AS sites, COALESCE(sum(teams), 0)::int AS teams, COALESCE(sum(members), 0)::int AS members,
       COALESCE(sum(trainings), 0)::int AS trainings,
       (count(*) FILTER (WHERE rating = 'EFFECTIVE'))::int AS effective,
       (count(*) FILTER (WHERE rating = 'LESS_EFFECTIVE'))::int AS less_effective,
       (count(*) FILTER (WHERE rating = 'INEFFECTIVE'))::int AS ineffective,
       (count(*) FILTER (WHERE rating IS NULL))::int AS not_reviewed,
       (count(*) FILTER (WHERE overdue))::int AS training_overdue
FROM rows
GROUP BY GROUPING SETS ((), (branch_id), (host_kind))`;
