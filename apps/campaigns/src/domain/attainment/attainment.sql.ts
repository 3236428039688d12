// SQL of the attainment read model: one set-based statement over the unit directory (the subtree on the date), the
// registrations of the campaign's family and the recognitions and classifications kept from assessments' events.

const LIVE = (alias: string) => `${alias}.valid_from <= $2::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $2::date)`;

/** R1 (Circular 124) on a version's attributes: the SQL twin of `safeStandardScope` of `@antt/unit-directory`. */
const ELIGIBLE = (kind: string, attributes: string) => `(CASE ${kind}
  WHEN 'RESIDENTIAL_AREA' THEN true
  WHEN 'COMMUNE' THEN true
  WHEN 'AGENCY' THEN coalesce(${attributes}->>'armedForces', 'false') <> 'true'
  WHEN 'DEPARTMENT' THEN coalesce(${attributes}->>'armedForces', 'false') <> 'true'
  WHEN 'ENTERPRISE' THEN coalesce(${attributes}->>'enterpriseSize', '') NOT IN ('MICRO', 'SMALL')
  WHEN 'SCHOOL' THEN coalesce(${attributes}->>'schoolLevel', '') NOT IN ('NURSERY', 'PRESCHOOL', 'PRIMARY')
  ELSE false END)`;

/** Bits of a counted unit's `flags`. */
export const FACT = { registered: 1, eligible: 2, recognised: 4, revoked: 8, refused: 16 } as const;

/**
 * The facts of one subtree on one date, as one row of two JSON texts (text: parsed once by the repository, not converted
 * value by value by the driver): `levels` (the root and the units of the level kinds below it:
 * [id, code, name, kind, depth], root first) and `units` (every unit of the counted kinds below the root:
 * [id, code, name, kind, flags, classification, [indexes in `levels` of the level units above it]], by code and id in byte
 * order, the shortfall's order).
 *
 * The walk follows the directory version live on the date from the root down (index on parent and date, then the unit by
 * its key: never a scan of the whole directory, so the rest of the country costs nothing), carrying each unit's path; the facts are read with one range scan each and hash-joined, never probed unit by unit. A recognition holds
 * from `recognised_on` until `revoked_on`, whatever the date of the latest decision (a revocation decided in December leaves
 * the recognition counted on the days before it).
 *
 * Codes are the period's (a unit recoded by a reorganisation shows the code it had on the date).
 *
 * Parameters: $1 root unit, $2 date, $3 level kinds, $4 root campaign (family), $5 the campaign and the campaigns below it,
 * $6 evaluation year, $7 counted kinds.
 */
export const SUBTREE_FACTS = `
WITH RECURSIVE units AS (
  SELECT v.unit_id, COALESCE(v.code, u.code) AS code, v.name, u.kind, v.attributes, ARRAY[]::uuid[] AS path, 0 AS depth
  FROM directory_unit_version v JOIN directory_unit u ON u.unit_id = v.unit_id
  WHERE v.unit_id = $1::uuid AND ${LIVE('v')}
  UNION ALL
  SELECT v.unit_id, COALESCE(v.code, u.code), v.name, u.kind, v.attributes, units.path || units.unit_id, units.depth + 1
  FROM units
  JOIN directory_unit_version v ON v.parent_id = units.unit_id AND ${LIVE('v')}
  JOIN directory_unit u ON u.unit_id = v.unit_id
  WHERE units.depth < 32
),
levels AS MATERIALIZED (
  SELECT unit_id, code, name, kind, depth, (row_number() OVER (ORDER BY depth, code, unit_id) - 1)::int AS ord
  FROM units WHERE depth = 0 OR kind = ANY($3::text[])
),
regs AS MATERIALIZED (
  SELECT unit_id FROM registration
  WHERE root_campaign_id = $4::uuid AND campaign_id = ANY($5::uuid[]) AND status = 'SUBMITTED' AND registered_on <= $2::date
),
recs AS MATERIALIZED (SELECT unit_id, status, decided_on, recognised_on, revoked_on FROM unit_recognition WHERE year = $6::int),
cls AS MATERIALIZED (SELECT unit_id, classification FROM unit_classification WHERE year = $6::int AND decided_on <= $2::date),
counted AS MATERIALIZED (
  SELECT c.unit_id, c.code, c.name, c.kind, c.path,
         (CASE WHEN r.unit_id IS NOT NULL THEN 1 ELSE 0 END)
       + (CASE WHEN ${ELIGIBLE('c.kind', 'c.attributes')} THEN 2 ELSE 0 END)
       + (CASE WHEN rec.status IN ('RECOGNISED', 'REVOKED') AND rec.recognised_on <= $2::date AND (rec.revoked_on IS NULL OR rec.revoked_on > $2::date) THEN 4 ELSE 0 END)
       + (CASE WHEN rec.status = 'REVOKED' AND rec.revoked_on <= $2::date THEN 8 ELSE 0 END)
       + (CASE WHEN rec.status = 'NOT_RECOGNISED' AND rec.decided_on <= $2::date THEN 16 ELSE 0 END) AS flags,
         k.classification
  FROM units c
  LEFT JOIN regs r ON r.unit_id = c.unit_id
  LEFT JOIN recs rec ON rec.unit_id = c.unit_id
  LEFT JOIN cls k ON k.unit_id = c.unit_id
  WHERE c.depth > 0 AND c.kind = ANY($7::text[])
),
above AS (
  SELECT c.unit_id, array_agg(l.ord) AS ords
  FROM counted c CROSS JOIN LATERAL unnest(c.path) AS p(unit_id) JOIN levels l ON l.unit_id = p.unit_id
  GROUP BY c.unit_id
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(unit_id, code, name, kind, depth) ORDER BY ord), '[]'::json) FROM levels)::text AS levels,
  (SELECT coalesce(json_agg(json_build_array(c.unit_id, c.code, c.name, c.kind, c.flags, c.classification, coalesce(a.ords, '{}'))
                            ORDER BY c.code COLLATE "C", c.unit_id::text COLLATE "C"), '[]'::json)
   FROM counted c LEFT JOIN above a ON a.unit_id = c.unit_id)::text AS units`;
