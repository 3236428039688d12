/** How many generations back the walk through 1:1 continuations goes at most (a guard; real chains are a few hops). */
export const MAX_CONTINUATION_DEPTH = 32;

/**
 * CTE `continued(root, unit_id, until_year, depth, path)` over the units `$1` and the campaign's year `$2`: each unit (depth 0,
 * its years up to `$2`), then the units it continues 1:1, walking the directory's lineage back over generations (docs/adr/0022).
 * A hop P → S continues P when it is WHOLE, P went into no other unit on that date, no other unit went into S on that date,
 * and S did not exist before it (no version of S starts earlier): a reclassification, or a replacement under a new id. A
 * merger (several units into one, or one into a unit that already existed) and a partial share carry nothing. A predecessor's
 * years count up to the year of its hop. A cycle ends the walk (`path`).
 */
export const CONTINUED_CHAIN = `continued(root, unit_id, until_year, depth, path) AS (
         SELECT u.unit_id, u.unit_id, $2::int, 0, ARRAY[u.unit_id] FROM unnest($1::uuid[]) AS u(unit_id)
         UNION ALL
         SELECT c.root, l.from_unit_id, LEAST(c.until_year, extract(year FROM l.effective_date)::int), c.depth + 1, c.path || l.from_unit_id
         FROM continued c JOIN directory_unit_lineage l ON l.to_unit_id = c.unit_id AND l.share = 'WHOLE'
         WHERE c.depth < ${MAX_CONTINUATION_DEPTH} AND NOT l.from_unit_id = ANY(c.path)
           AND NOT EXISTS (SELECT 1 FROM directory_unit_lineage o
                            WHERE o.to_unit_id = l.to_unit_id AND o.effective_date = l.effective_date AND o.from_unit_id <> l.from_unit_id)
           AND NOT EXISTS (SELECT 1 FROM directory_unit_lineage o
                            WHERE o.from_unit_id = l.from_unit_id AND o.effective_date = l.effective_date AND o.to_unit_id <> l.to_unit_id)
           AND NOT EXISTS (SELECT 1 FROM directory_unit_version v WHERE v.unit_id = l.to_unit_id AND v.valid_from < l.effective_date)
       )`;

/**
 * CTE `name(root, years)`: per unit of {@link CONTINUED_CHAIN}, the run of consecutive years up to the campaign's year `$2`
 * in which a row of `table` (alias `s`, keyed by `unit_id` and `year`) of the unit or of a unit it continues meets `reached`.
 * A year counts when any of them reached it (a hop mid-year leaves rows of both). The n-th newest qualifying year belongs to
 * the run exactly when year + n - 1 = `$2`. Units without a run have no row.
 */
export function runOf(name: string, table: 'recognition_fact' | 'classification_fact', reached: string): string {
  return `${name}(root, years) AS (
         SELECT run.root, count(*)::int FROM (
           SELECT y.root, y.year, row_number() OVER (PARTITION BY y.root ORDER BY y.year DESC) AS n
           FROM (SELECT DISTINCT c.root, s.year FROM continued c JOIN ${table} s ON s.unit_id = c.unit_id
                  WHERE s.year <= c.until_year AND ${reached}) y
         ) run WHERE run.year + run.n - 1 = $2 GROUP BY run.root
       )`;
}
