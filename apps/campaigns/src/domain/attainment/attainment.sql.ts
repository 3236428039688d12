// SQL of the attainment read model: set-based over the unit directory (the subtree on the date), the registrations of the
// campaign's family and the recognitions and classifications kept from assessments' events.

const LIVE = (alias: string) => `${alias}.valid_from <= $2::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > $2::date)`;

/**
 * The subtree of $1 on $2 with, for every unit, the level units above it inside the subtree (`anc`: the root and the units of
 * the kinds in $3 on its path, the unit itself excluded). Parameters: $1 root, $2 date, $3 level kinds.
 */
const SUBTREE = `
down AS (
  SELECT v.unit_id, u.code, u.kind, v.name, v.attributes, ARRAY[]::uuid[] AS anc, true AS is_level, 0 AS depth
  FROM directory_unit_version v JOIN directory_unit u ON u.unit_id = v.unit_id
  WHERE v.unit_id = $1::uuid AND ${LIVE('v')}
  UNION ALL
  SELECT v.unit_id, u.code, u.kind, v.name, v.attributes,
         CASE WHEN down.is_level THEN down.anc || down.unit_id ELSE down.anc END,
         u.kind = ANY($3::text[]), down.depth + 1
  FROM down
  JOIN directory_unit_version v ON v.parent_id = down.unit_id AND ${LIVE('v')}
  JOIN directory_unit u ON u.unit_id = v.unit_id
  WHERE down.depth < 32
)`;

/** R1 (Circular 124) on a version's attributes: the SQL twin of `safeStandardScope` of `@antt/unit-directory`. */
const ELIGIBLE = (kind: string, attributes: string) => `(CASE ${kind}
  WHEN 'RESIDENTIAL_AREA' THEN true
  WHEN 'COMMUNE' THEN true
  WHEN 'AGENCY' THEN coalesce(${attributes}->>'armedForces', 'false') <> 'true'
  WHEN 'DEPARTMENT' THEN coalesce(${attributes}->>'armedForces', 'false') <> 'true'
  WHEN 'ENTERPRISE' THEN coalesce(${attributes}->>'enterpriseSize', '') NOT IN ('MICRO', 'SMALL')
  WHEN 'SCHOOL' THEN coalesce(${attributes}->>'schoolLevel', '') NOT IN ('NURSERY', 'PRESCHOOL', 'PRIMARY')
  ELSE false END)`;

/**
 * A recognition holds from `recognised_on` until `revoked_on` whatever the date of the latest decision (a revocation decided
 * in December leaves the recognition counted on the days before it).
 *
 * The units counted ($7: kinds) below the root with their facts on the date. Parameters: $4 root campaign (family), $5 the
 * campaign and the campaigns below it, $6 evaluation year.
 */
const COUNTED = `
counted AS (
  SELECT d.unit_id, d.code, d.name, d.kind, d.anc,
         (reg.unit_id IS NOT NULL) AS registered,
         ${ELIGIBLE('d.kind', 'd.attributes')} AS eligible,
         (rec.status = 'NOT_RECOGNISED' AND rec.decided_on <= $2::date) IS TRUE AS refused,
         (rec.status IN ('RECOGNISED', 'REVOKED') AND rec.recognised_on <= $2::date AND (rec.revoked_on IS NULL OR rec.revoked_on > $2::date)) IS TRUE AS recognised,
         (rec.status = 'REVOKED' AND rec.revoked_on <= $2::date) IS TRUE AS revoked,
         cls.classification
  FROM down d
  LEFT JOIN registration reg
    ON reg.root_campaign_id = $4::uuid AND reg.unit_id = d.unit_id AND reg.campaign_id = ANY($5::uuid[])
   AND reg.status = 'SUBMITTED' AND reg.registered_on <= $2::date
  LEFT JOIN unit_recognition rec ON rec.year = $6::int AND rec.unit_id = d.unit_id
  LEFT JOIN unit_classification cls ON cls.year = $6::int AND cls.unit_id = d.unit_id AND cls.decided_on <= $2::date
  WHERE d.depth > 0 AND d.kind = ANY($7::text[])
)`;

/**
 * One row per level unit (`row_type` L: the root and the units of the level kinds, with code, name, depth) and one per level
 * unit and counted kind (`row_type` C: the counts of the units of that kind below it). One pass over the subtree; each unit is
 * counted once per level unit above it (three at most: province, district, commune).
 */
export const LEVEL_COUNTS = `
WITH RECURSIVE ${SUBTREE}, ${COUNTED}
SELECT 'L' AS row_type, d.unit_id::text AS unit_id, d.code, d.name, d.kind, d.depth,
       0 AS units, 0 AS registered, 0 AS eligible, 0 AS recognised, 0 AS excellent, 0 AS good_or_better
FROM down d WHERE d.is_level
UNION ALL
SELECT 'C', a.level_unit_id::text, NULL, NULL, c.kind, NULL,
       count(*)::int,
       count(*) FILTER (WHERE c.registered)::int,
       count(*) FILTER (WHERE c.eligible)::int,
       count(*) FILTER (WHERE c.eligible AND c.recognised)::int,
       count(*) FILTER (WHERE c.classification = 'EXCELLENT')::int,
       count(*) FILTER (WHERE c.classification IN ('EXCELLENT', 'GOOD'))::int
FROM counted c CROSS JOIN LATERAL unnest(c.anc) AS a(level_unit_id)
GROUP BY a.level_unit_id, c.kind`;

/**
 * The units counted in a target's denominator and not in its numerator, by code and id after ($9, $10) ($8: indicator), at most $11 rows.
 * Same parameters $1–$7 as {@link LEVEL_COUNTS}.
 */
export const SHORTFALL = `
WITH RECURSIVE ${SUBTREE}, ${COUNTED}
SELECT c.unit_id::text AS unit_id, c.code, c.name, c.kind, c.classification,
       CASE
         WHEN $8::text = 'REGISTRATION_RATE' THEN 'NOT_REGISTERED'
         WHEN $8::text IN ('SAFE_STANDARD_RATE', 'NEW_RURAL_SECURITY_RATE') THEN
           CASE WHEN c.revoked THEN 'REVOKED' WHEN c.refused THEN 'NOT_RECOGNISED' ELSE 'NO_RECOGNITION_YET' END
         WHEN c.classification IS NULL THEN 'NOT_CLASSIFIED_YET'
         ELSE 'CLASSIFIED_BELOW'
       END AS reason
FROM counted c
WHERE ($9::text IS NULL OR (c.code, c.unit_id::text) > ($9::text, $10::text))
  AND CASE $8::text
        WHEN 'REGISTRATION_RATE' THEN NOT c.registered
        WHEN 'SAFE_STANDARD_RATE' THEN c.eligible AND NOT c.recognised
        WHEN 'NEW_RURAL_SECURITY_RATE' THEN c.eligible AND NOT c.recognised
        WHEN 'EXCELLENT_RATE' THEN c.classification IS DISTINCT FROM 'EXCELLENT'
        WHEN 'GOOD_RATE' THEN c.classification IS NULL OR c.classification NOT IN ('EXCELLENT', 'GOOD')
        ELSE false
      END
ORDER BY c.code, c.unit_id::text
LIMIT $11::int`;
