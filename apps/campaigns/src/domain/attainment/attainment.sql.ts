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
 * The directory-only part of one subtree read on one date (its "shape"), as one row of three texts (parsed once by the
 * repository, not converted value by value by the driver): `generation` (of `directory_generation`, read in the same snapshot
 * as the walk), `levels` (the root and the units of the level kinds below it: [id, code, name, kind, depth], root first) and
 * `units` (every unit of the counted kinds below the root: [id, code, name, kind, eligible (R1), [indexes in `levels` of the
 * level units above it]], by code and id in byte order, the shortfall's order).
 *
 * The walk follows the directory version live on the date from the root down (index on parent and date, then the unit by
 * its key: never a scan of the whole directory, so the rest of the country costs nothing), carrying each unit's path.
 * Codes are the period's (a unit recoded by a reorganisation shows the code it had on the date).
 *
 * Parameters: $1 root unit, $2 date, $3 level kinds, $4 counted kinds.
 */
export const SUBTREE_SHAPE = `
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
counted AS MATERIALIZED (
  SELECT c.unit_id, c.code, c.name, c.kind, c.path, ${ELIGIBLE('c.kind', 'c.attributes')} AS eligible
  FROM units c
  WHERE c.depth > 0 AND c.kind = ANY($4::text[])
),
above AS (
  SELECT c.unit_id, array_agg(l.ord) AS ords
  FROM counted c CROSS JOIN LATERAL unnest(c.path) AS p(unit_id) JOIN levels l ON l.unit_id = p.unit_id
  GROUP BY c.unit_id
)
SELECT
  (SELECT generation FROM directory_generation WHERE id = 1)::text AS generation,
  (SELECT coalesce(json_agg(json_build_array(unit_id, code, name, kind, depth) ORDER BY ord), '[]'::json) FROM levels)::text AS levels,
  (SELECT coalesce(json_agg(json_build_array(c.unit_id, c.code, c.name, c.kind, c.eligible, coalesce(a.ords, '{}'))
                            ORDER BY c.code COLLATE "C", c.unit_id::text COLLATE "C"), '[]'::json)
   FROM counted c LEFT JOIN above a ON a.unit_id = c.unit_id)::text AS units`;

/**
 * The facts of the units of a shape, in the shape's order, as one row of two texts: `generation` (of `directory_generation`,
 * in the same snapshot: the caller uses the facts only with a shape of that generation) and `facts`, one item per unit
 * joined by commas: the bits of `FACT` other than `eligible` (which is the shape's), then `:` and the classification when
 * there is one. Registrations of the campaign's family made by the date, the year's recognition (holding from
 * `recognised_on` until `revoked_on`, whatever the date of the latest decision: a revocation decided in December leaves the
 * recognition counted on the days before it) and classification decided by the date; each read by its key, or hash-joined
 * when the planner finds that cheaper (a national subtree).
 *
 * Parameters: $1 the shape's unit ids, $2 date, $3 root campaign (family), $4 the campaign and the campaigns below it,
 * $5 evaluation year.
 */
export const UNIT_FACTS = `
WITH ids AS (SELECT s.unit_id, s.ord FROM unnest($1::uuid[]) WITH ORDINALITY AS s(unit_id, ord))
SELECT
  (SELECT generation FROM directory_generation WHERE id = 1)::text AS generation,
  (SELECT coalesce(string_agg(
      ((CASE WHEN r.unit_id IS NOT NULL THEN 1 ELSE 0 END)
     + (CASE WHEN rec.status IN ('RECOGNISED', 'REVOKED') AND rec.recognised_on <= $2::date AND (rec.revoked_on IS NULL OR rec.revoked_on > $2::date) THEN 4 ELSE 0 END)
     + (CASE WHEN rec.status = 'REVOKED' AND rec.revoked_on <= $2::date THEN 8 ELSE 0 END)
     + (CASE WHEN rec.status = 'NOT_RECOGNISED' AND rec.decided_on <= $2::date THEN 16 ELSE 0 END))::text
      || coalesce(':' || k.classification, ''), ',' ORDER BY ids.ord), '')
   FROM ids
   LEFT JOIN registration r ON r.root_campaign_id = $3::uuid AND r.unit_id = ids.unit_id AND r.campaign_id = ANY($4::uuid[])
                           AND r.status = 'SUBMITTED' AND r.registered_on <= $2::date
   LEFT JOIN unit_recognition rec ON rec.year = $5::int AND rec.unit_id = ids.unit_id
   LEFT JOIN unit_classification k ON k.year = $5::int AND k.unit_id = ids.unit_id AND k.decided_on <= $2::date) AS facts`;
