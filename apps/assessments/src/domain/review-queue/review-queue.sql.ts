/*
 * The review queue's statements. Every one takes $1 the year, $2 today, $3 overdue only, $4 the level kinds and $5 the unit
 * kinds to keep (null: any). A page adds $6/$7 the cursor (deadline, assessment id; null for the first page) and $8 the rows
 * to fetch (the page size + 1). A scoped statement then adds the jurisdiction's unit and the review level kinds of its walk
 * ($9/$10 for a page, $6/$7 for a count). A page and its count are separate statements, each run only when its field is
 * asked for (`ReviewQueuePage.totalCount`); a jurisdiction's page asked with its count is one statement, which reads the
 * jurisdiction's entries once for both.
 */

// The optional filters, on the step's level (lu) and the assessment (a).
const FILTERS = `($4::text[] IS NULL OR lu.kind = ANY($4::text[])) AND ($5::text[] IS NULL OR a.unit_kind = ANY($5::text[]))`;

// The row after the cursor: the first page starts before every date (a deadline is a finite date).
const AFTER_CURSOR = `(COALESCE($6::date, '-infinity'::date), COALESCE($7::uuid, '00000000-0000-0000-0000-000000000000'::uuid))`;

const PAGE_COLUMNS = `p.id::text AS id, p.unit_id::text AS unit_id, p.unit_kind, p.level_unit_id::text AS level_unit_id,
       p.level_kind, p.position, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, ($2::date - p.deadline)::int AS days_past`;

// The assessments of the year under review whose current step is still pending, walked from the pending steps: the partial
// index `assessment_review_step_pending_deadline_idx` (deadline, assessment_id) WHERE status = 'PENDING' gives them in the
// queue's order, each joined to its assessment by primary key (the current step of a SUBMITTED assessment of the year).
const PENDING_ALL = `
  SELECT s.assessment_id AS id, a.unit_id, a.unit_kind, s.level_unit_id, lu.kind AS level_kind, s.position, s.deadline
  FROM assessment_review_step s
  JOIN assessment a ON a.id = s.assessment_id AND a.current_step = s.position
  LEFT JOIN directory_unit lu ON lu.unit_id = s.level_unit_id
  WHERE s.status = 'PENDING' AND a.year = $1 AND a.status = 'SUBMITTED' AND (NOT $3::boolean OR s.deadline < $2::date)
    AND ${FILTERS}`;

/**
 * One page of a year's review queue for a system admin (every level): the next rows by (deadline, id) after the cursor.
 * The planner walks the partial index of pending steps in that order and stops after $8 rows (no sort of the year).
 */
export const REVIEW_QUEUE_PAGE_ALL = `
SELECT ${PAGE_COLUMNS}
FROM (${PENDING_ALL}
    AND (s.deadline, s.assessment_id) > ${AFTER_CURSOR}
  ORDER BY s.deadline, s.assessment_id
  LIMIT $8
) p
ORDER BY p.deadline, p.id`;

/** Every entry of a system admin's queue matching the filters, whatever the cursor ($1–$5). */
export const REVIEW_QUEUE_COUNT_ALL = `SELECT count(*)::int AS total FROM (${PENDING_ALL}
) p`;

/**
 * The entries waiting at levels inside a jurisdiction ($unit, walking level kinds $kinds).
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
function scopedVisible(unit: string, kinds: string): string {
  return `
WITH RECURSIVE down(unit_id, lo, hi, depth) AS (
  SELECT v.unit_id, v.valid_from, COALESCE(v.valid_to, 'infinity'::date), 0 FROM directory_unit_version v WHERE v.unit_id = ${unit}::uuid
  UNION ALL
  SELECT v.unit_id, GREATEST(down.lo, v.valid_from), LEAST(down.hi, COALESCE(v.valid_to, 'infinity'::date)), down.depth + 1
  FROM down
  JOIN directory_unit_version v ON v.parent_id = down.unit_id AND v.valid_from < down.hi AND COALESCE(v.valid_to, 'infinity'::date) > down.lo
  JOIN directory_unit u ON u.unit_id = v.unit_id AND u.kind = ANY(${kinds}::text[])
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
  SELECT DISTINCT ON (a.id) a.id, a.unit_id, a.unit_kind, s.level_unit_id, lu.kind AS level_kind, s.position, s.deadline
  FROM reach r
  JOIN assessment a ON a.reviewing_unit_id = r.unit_id AND a.year = $1 AND a.status = 'SUBMITTED'
  JOIN assessment_review_step s ON s.assessment_id = a.id AND s.position = a.current_step AND s.level_unit_id = r.unit_id
  LEFT JOIN directory_unit lu ON lu.unit_id = s.level_unit_id
  WHERE s.status = 'PENDING' AND (NOT $3::boolean OR s.deadline < $2::date) AND ${FILTERS}
    AND (($2::date >= r.lo AND $2::date < r.hi) OR (a.submitted_on >= r.lo AND a.submitted_on < r.hi))
  ORDER BY a.id
)`;
}

/**
 * One page of a year's review queue for the levels inside a jurisdiction: the parameters of {@link REVIEW_QUEUE_PAGE_ALL},
 * then $9 the jurisdiction's unit and $10 the review level kinds (the walk's, not the filter's: a province's walk goes
 * through its districts whatever levels are kept).
 */
export const REVIEW_QUEUE_PAGE_SCOPED = `${scopedVisible('$9', '$10')}
SELECT ${PAGE_COLUMNS}
FROM visible p
WHERE (p.deadline, p.id) > ${AFTER_CURSOR}
ORDER BY p.deadline, p.id
LIMIT $8`;

/** Every entry of a jurisdiction's queue matching the filters, whatever the cursor: $1–$5, $6 the unit, $7 the walk's kinds. */
export const REVIEW_QUEUE_COUNT_SCOPED = `${scopedVisible('$6', '$7')}
SELECT count(*)::int AS total FROM visible`;

/**
 * A jurisdiction's page and its count in one statement (the parameters of {@link REVIEW_QUEUE_PAGE_SCOPED}): `visible` is
 * read once for both, cheaper than the two statements. `total` is on every row; an empty page is one row without an id.
 */
export const REVIEW_QUEUE_PAGE_SCOPED_WITH_TOTAL = `${scopedVisible('$9', '$10')}
SELECT t.total, ${PAGE_COLUMNS}
FROM (SELECT count(*)::int AS total FROM visible) t
LEFT JOIN LATERAL (
  SELECT * FROM visible v
  WHERE (v.deadline, v.id) > ${AFTER_CURSOR}
  ORDER BY v.deadline, v.id
  LIMIT $8
) p ON true
ORDER BY p.deadline, p.id`;
