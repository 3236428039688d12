const SHAPE = `
SELECT t.total::int AS total, p.id::text AS id, p.unit_id::text AS unit_id, p.unit_kind, p.level_unit_id::text AS level_unit_id,
       p.level_kind, p.position, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, ($2::date - p.deadline)::int AS days_past
FROM (SELECT count(*) AS total FROM visible) t
LEFT JOIN LATERAL (
  SELECT * FROM visible
  WHERE $4::date IS NULL OR (deadline, id) > ($4::date, $5::uuid)
  ORDER BY deadline, id
  LIMIT $6
) p ON true
ORDER BY p.deadline, p.id`;

// The optional filters: $7 the level kinds, $8 the unit kinds (null: any).
const FILTERS = `($7::text[] IS NULL OR lu.kind = ANY($7::text[])) AND ($8::text[] IS NULL OR a.unit_kind = ANY($8::text[]))`;

// The assessments of the year under review whose current step is still pending.
const CANDIDATES = `
  SELECT a.id, a.unit_id, a.unit_kind, a.submitted_on, s.level_unit_id, lu.kind AS level_kind, s.position, s.deadline
  FROM assessment a
  JOIN assessment_review_step s ON s.assessment_id = a.id AND s.position = a.current_step
  LEFT JOIN directory_unit lu ON lu.unit_id = s.level_unit_id
  WHERE a.year = $1 AND a.status = 'SUBMITTED' AND s.status = 'PENDING' AND (NOT $3::boolean OR s.deadline < $2::date)
    AND ${FILTERS}`;

/**
 * One page of a year's review queue for a system admin (every level), in one statement.
 * $1 year, $2 today, $3 overdue only, $4/$5 the cursor (deadline, assessment id; null for the first page), $6 rows to fetch
 * (the page size + 1), $7 the level kinds and $8 the unit kinds to keep (null: every kind). `total` counts every match of
 * the filters whatever the cursor; the page is the next rows by (deadline, id).
 */
export const REVIEW_QUEUE_PAGE_ALL = `
WITH visible AS (${CANDIDATES}
)${SHAPE}`;

/**
 * One page of a year's review queue for the levels inside a jurisdiction, in one statement: the parameters of
 * {@link REVIEW_QUEUE_PAGE_ALL}, then $9 the jurisdiction's unit and $10 the review level kinds (the walk's, not
 * the filter's: a province's walk goes through its districts whatever levels are kept).
 *
 * Visibility is assessments' read rule applied to the level: its unit inside the jurisdiction on today or on the
 * submission date. `down` walks the jurisdiction's subtree once for every date, as intervals: each reached unit with the
 * period [lo, hi) during which its whole path up to the jurisdiction's unit existed (the intersection of the versions'
 * periods along the path). The walk goes through the level kinds only, so a province reaches a few hundred levels, not its
 * thousands of villages. A chain stored before review plans existed may start at a managing unit of another kind (an
 * agency, a department): `legacy` reaches those through their parent. The reached levels drive the read: for a SUBMITTED
 * assessment `reviewing_unit_id` is its current step's level, so only the (reviewing_unit_id, year) index rows of those
 * levels are read, never the whole year (a commune's page costs the same in a province or in the whole country).
 */
export const REVIEW_QUEUE_PAGE_SCOPED = `
WITH RECURSIVE down(unit_id, lo, hi, depth) AS (
  SELECT v.unit_id, v.valid_from, COALESCE(v.valid_to, 'infinity'::date), 0 FROM directory_unit_version v WHERE v.unit_id = $9::uuid
  UNION ALL
  SELECT v.unit_id, GREATEST(down.lo, v.valid_from), LEAST(down.hi, COALESCE(v.valid_to, 'infinity'::date)), down.depth + 1
  FROM down
  JOIN directory_unit_version v ON v.parent_id = down.unit_id AND v.valid_from < down.hi AND COALESCE(v.valid_to, 'infinity'::date) > down.lo
  JOIN directory_unit u ON u.unit_id = v.unit_id AND u.kind = ANY($10::text[])
  WHERE down.depth < 32
),
legacy(unit_id, lo, hi) AS (
  SELECT v.unit_id, GREATEST(down.lo, v.valid_from), LEAST(down.hi, COALESCE(v.valid_to, 'infinity'::date))
  FROM down
  JOIN directory_unit_version v ON v.parent_id = down.unit_id AND v.valid_from < down.hi AND COALESCE(v.valid_to, 'infinity'::date) > down.lo
  JOIN directory_unit u ON u.unit_id = v.unit_id AND u.kind IN ('AGENCY', 'DEPARTMENT', 'ENTERPRISE', 'SCHOOL')
),
reach(unit_id, lo, hi) AS (SELECT unit_id, lo, hi FROM down UNION ALL SELECT unit_id, lo, hi FROM legacy),
visible AS (
  SELECT DISTINCT ON (a.id) a.id, a.unit_id, a.unit_kind, a.submitted_on, s.level_unit_id, lu.kind AS level_kind, s.position, s.deadline
  FROM reach r
  JOIN assessment a ON a.reviewing_unit_id = r.unit_id AND a.year = $1 AND a.status = 'SUBMITTED'
  JOIN assessment_review_step s ON s.assessment_id = a.id AND s.position = a.current_step AND s.level_unit_id = r.unit_id
  LEFT JOIN directory_unit lu ON lu.unit_id = s.level_unit_id
  WHERE s.status = 'PENDING' AND (NOT $3::boolean OR s.deadline < $2::date) AND ${FILTERS}
    AND (($2::date >= r.lo AND $2::date < r.hi) OR (a.submitted_on >= r.lo AND a.submitted_on < r.hi))
  ORDER BY a.id
)${SHAPE}`;
