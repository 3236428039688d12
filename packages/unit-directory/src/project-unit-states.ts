import { recordLineage } from './lineage';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/**
 * Makes the stored versions of the units `$1` those of `$2` (a JSON array of versions, each an array of the columns in
 * the order of `incoming`: three times cheaper for PostgreSQL to read than objects with named fields) in one statement, writing only
 * what differs: a stored version the new timeline keeps unchanged is left alone, one it keeps with another end or state
 * (a period a change cut) is updated in place, the others are deleted, and only new periods are inserted. A
 * reorganisation thus writes two rows per unit (the cut and the new period) where deleting and inserting the whole
 * timeline wrote three and more, and the versions go as one JSON document rather than as eight array parameters.
 *
 * The stored versions are read once, by an index probe per unit (OFFSET 0 keeps the lateral subquery a probe; written as
 * a join or a filter on the table, the planner, whose statistics lag behind a directory filling from empty, scanned the
 * whole table for every batch), and paired with the incoming ones by a FULL JOIN, which PostgreSQL can only run as a hash
 * or merge join, in memory: each pair says what to do, and the delete and the update then reach their rows by address.
 * Probing the table again for each incoming version, once to update and once to insert, cost a national reform's
 * directory about a third more time in this statement. No other transaction can move the rows meanwhile: it would first
 * have to upsert the unit's `directory_unit` row, which this transaction holds locked. All parts see the table as it was
 * before the statement, so the insert never meets a row the delete removes (their keys differ).
 */
const WRITE_VERSIONS = `
  WITH incoming AS MATERIALIZED (
    SELECT (r->>0)::uuid AS unit_id, (r->>1)::date AS valid_from, (r->>2)::date AS valid_to, r->>3 AS name,
      (r->>4)::uuid AS parent_id, (r->>5)::uuid AS managing_unit_id, r->6 AS attributes, r->>7 AS code
    FROM jsonb_array_elements($2::jsonb) AS e(r)
  ),
  pairs AS MATERIALIZED (
    SELECT s.row_id, i.unit_id, i.valid_from, i.valid_to, i.name, i.parent_id, i.managing_unit_id, i.attributes, i.code,
      CASE
        WHEN s.row_id IS NULL THEN 'insert'
        WHEN i.unit_id IS NULL THEN 'delete'
        WHEN (s.valid_to, s.name, s.parent_id, s.managing_unit_id, s.attributes, s.code)
          IS DISTINCT FROM (i.valid_to, i.name, i.parent_id, i.managing_unit_id, i.attributes, i.code) THEN 'update'
      END AS action
    FROM (
      SELECT x.ctid AS row_id, x.unit_id, x.valid_from, x.valid_to, x.name, x.parent_id, x.managing_unit_id, x.attributes, x.code
      FROM unnest($1::uuid[]) AS k(unit_id)
      CROSS JOIN LATERAL (SELECT v.ctid, v.* FROM directory_unit_version v WHERE v.unit_id = k.unit_id OFFSET 0) x
    ) s
    FULL JOIN incoming i ON i.unit_id = s.unit_id AND i.valid_from = s.valid_from
  ),
  gone AS (
    DELETE FROM directory_unit_version v
    WHERE v.ctid = ANY (ARRAY(SELECT p.row_id FROM pairs p WHERE p.action = 'delete'))
  ),
  changed AS (
    UPDATE directory_unit_version v
    SET valid_to = p.valid_to, name = p.name, parent_id = p.parent_id, managing_unit_id = p.managing_unit_id,
      attributes = p.attributes, code = p.code
    FROM pairs p
    WHERE v.ctid = ANY (ARRAY(SELECT q.row_id FROM pairs q WHERE q.action = 'update'))
      AND p.action = 'update' AND p.row_id = v.ctid
  )
  INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id, managing_unit_id, attributes, code)
  SELECT p.unit_id, p.valid_from, p.valid_to, p.name, p.parent_id, p.managing_unit_id, p.attributes, p.code
  FROM pairs p
  WHERE p.action = 'insert'`;

/** The state with the highest revision per unit; the order of the result follows unit ids (a stable lock order). */
export function latestPerUnit(states: readonly UnitState[]): UnitState[] {
  const latest = new Map<string, UnitState>();
  for (const state of states) {
    const held = latest.get(state.unitId);
    if (!held || held.revision < state.revision) latest.set(state.unitId, state);
  }
  return [...latest.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

/**
 * Set-based {@link projectUnitState} for many states at once: keeps the highest revision per unit, then replaces the
 * rows of the units it holds an older revision of (or none) in two statements, leaving units whose stored revision is
 * the same or higher untouched, and records the lineage of every state in one more statement. Idempotent and safe with states out of order. Resolves to the number of units replaced.
 * Run it inside the consumer's transaction.
 */
export async function projectUnitStates(tx: SqlClient, states: readonly UnitState[]): Promise<number> {
  // Every state's lineage, not only the latest per unit: two events of one unit in a batch can each carry a hop.
  await recordLineage(tx, states);
  const latest = latestPerUnit(states);
  if (latest.length === 0) return 0;
  const replaced = await tx.$queryRawUnsafe<Array<{ unit_id: string }>>(
    `INSERT INTO directory_unit (unit_id, code, kind, revision, dissolved_on)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::date[])
     ON CONFLICT (unit_id) DO UPDATE
       SET code = EXCLUDED.code, kind = EXCLUDED.kind, revision = EXCLUDED.revision, dissolved_on = EXCLUDED.dissolved_on, updated_at = now()
       WHERE directory_unit.revision < EXCLUDED.revision
     RETURNING unit_id::text AS unit_id`,
    latest.map((s) => s.unitId),
    latest.map((s) => s.code),
    latest.map((s) => s.kind),
    latest.map((s) => s.revision),
    latest.map((s) => s.dissolvedOn),
  );
  if (replaced.length === 0) return 0;
  const ids = new Set(replaced.map((row) => row.unit_id.toLowerCase()));
  const kept = latest.filter((s) => ids.has(s.unitId.toLowerCase()));
  await tx.$executeRawUnsafe(
    WRITE_VERSIONS,
    kept.map((s) => s.unitId),
    JSON.stringify(
      kept.flatMap((s) =>
        s.timeline.map((v) => [s.unitId, v.validFrom, v.validTo, v.name, v.parentId, v.managingUnitId, v.attributes ?? {}, v.code ?? null]),
      ),
    ),
  );
  return kept.length;
}
