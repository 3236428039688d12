const LIVE_ON = (alias: string, date: string) => `${alias}.valid_from <= ${date} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${date})`;

/**
 * One page of a year's review queue, in one statement.
 * $1 year, $2 today, $3 the caller's jurisdiction unit (null: every level, a system admin), $4 overdue only, $5/$6 the cursor
 * (deadline, assessment id; null for the first page), $7 rows to fetch (the page size + 1), $8 the review level kinds.
 *
 * `cand`: the assessments of the year under review with their current step still pending (the `status, year` index).
 * Visibility is assessments' read rule applied to the level: its unit inside the jurisdiction on today or on the submission
 * date. `down` walks the jurisdiction's subtree through the level kinds only (a province reaches a few hundred levels,
 * not its thousands of villages), once per date that matters (today and each submission date of the candidates). A chain
 * stored before review plans existed may start at a managing unit of another kind (a department): it is reached through
 * its parent. `total` counts every match whatever the cursor; the page is the next rows by (deadline, id) after it.
 */
export const REVIEW_QUEUE_PAGE = `
WITH RECURSIVE cand AS (
  SELECT a.id, a.unit_id, a.unit_kind, a.submitted_on, s.level_unit_id, lu.kind AS level_kind, s.position, s.deadline
  FROM assessment a
  JOIN assessment_review_step s ON s.assessment_id = a.id AND s.position = a.current_step
  LEFT JOIN directory_unit lu ON lu.unit_id = s.level_unit_id
  WHERE a.year = $1 AND a.status = 'SUBMITTED' AND s.status = 'PENDING' AND (NOT $4::boolean OR s.deadline < $2::date)
),
dates AS (
  SELECT $2::date AS d WHERE $3::uuid IS NOT NULL
  UNION SELECT DISTINCT submitted_on FROM cand WHERE $3::uuid IS NOT NULL
),
down(unit_id, d, depth) AS (
  SELECT v.unit_id, dates.d, 0 FROM dates JOIN directory_unit_version v ON v.unit_id = $3::uuid AND ${LIVE_ON('v', 'dates.d')}
  UNION ALL
  SELECT v.unit_id, down.d, down.depth + 1
  FROM down
  JOIN directory_unit_version v ON v.parent_id = down.unit_id AND ${LIVE_ON('v', 'down.d')}
  JOIN directory_unit u ON u.unit_id = v.unit_id AND u.kind = ANY($8::text[])
  WHERE down.depth < 32
),
visible AS (
  SELECT c.* FROM cand c
  WHERE $3::uuid IS NULL
     OR EXISTS (SELECT 1 FROM down w WHERE w.unit_id = c.level_unit_id AND (w.d = $2::date OR w.d = c.submitted_on))
     OR (c.level_kind <> ALL($8::text[]) AND EXISTS (
           SELECT 1 FROM directory_unit_version v JOIN down w ON w.unit_id = v.parent_id
           WHERE v.unit_id = c.level_unit_id AND (w.d = $2::date OR w.d = c.submitted_on) AND ${LIVE_ON('v', 'w.d')}))
)
SELECT t.total::int AS total, p.id::text AS id, p.unit_id::text AS unit_id, p.unit_kind, p.level_unit_id::text AS level_unit_id,
       p.level_kind, p.position, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, ($2::date - p.deadline)::int AS days_past
FROM (SELECT count(*) AS total FROM visible) t
LEFT JOIN LATERAL (
  SELECT * FROM visible
  WHERE $5::date IS NULL OR (deadline, id) > ($5::date, $6::uuid)
  ORDER BY deadline, id
  LIMIT $7
) p ON true
ORDER BY p.deadline, p.id`;
