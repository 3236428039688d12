import { recordLineage } from './lineage';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/**
 * Makes the stored versions of the units `$1` those of `$2` (a JSON array of versions, each an array of the columns in
 * the order of `incoming`: three times cheaper for PostgreSQL to read than objects with named fields) in one statement, writing only
 * what differs: a stored version the new timeline keeps unchanged is left alone, one it keeps with another end or state
 * (a period a change cut) is updated in place, the others are deleted, and only new periods are inserted. A
 * reorganisation thus writes two rows per unit (the cut and the new period) where deleting and inserting the whole
 * timeline wrote three and more, and the versions go as one JSON document rather than as eight array parameters. All
 * three parts see the table as it was before the statement, so the insert never meets a row the delete removes (their
 * keys differ).
 */
const WRITE_VERSIONS = `
  WITH incoming AS MATERIALIZED (
    SELECT (r->>0)::uuid AS unit_id, (r->>1)::date AS valid_from, (r->>2)::date AS valid_to, r->>3 AS name,
      (r->>4)::uuid AS parent_id, (r->>5)::uuid AS managing_unit_id, r->6 AS attributes, r->>7 AS code
    FROM jsonb_array_elements($2::jsonb) AS e(r)
  ),
  -- The stored versions of the units, found by an index probe per unit (OFFSET 0 keeps the lateral subquery a probe),
  -- then deleted by row address (no other transaction can move them: it would first have to upsert the unit's
  -- directory_unit row, which this transaction holds locked). Written as a join or a filter on the table, the planner,
  -- whose statistics lag behind a directory filling from empty, scanned the whole table for every batch.
  gone AS (
    DELETE FROM directory_unit_version v
    WHERE v.ctid = ANY (ARRAY(
      SELECT s.ctid FROM unnest($1::uuid[]) AS k(unit_id)
      CROSS JOIN LATERAL (SELECT x.ctid, x.valid_from FROM directory_unit_version x WHERE x.unit_id = k.unit_id OFFSET 0) s
      WHERE NOT EXISTS (SELECT 1 FROM incoming i WHERE i.unit_id = k.unit_id AND i.valid_from = s.valid_from)
    ))
  ),
  changed AS (
    UPDATE directory_unit_version v
    SET valid_to = i.valid_to, name = i.name, parent_id = i.parent_id, managing_unit_id = i.managing_unit_id,
      attributes = i.attributes, code = i.code
    FROM incoming i
    WHERE v.unit_id = i.unit_id AND v.valid_from = i.valid_from
      AND (v.valid_to, v.name, v.parent_id, v.managing_unit_id, v.attributes, v.code)
        IS DISTINCT FROM (i.valid_to, i.name, i.parent_id, i.managing_unit_id, i.attributes, i.code)
  )
  INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id, managing_unit_id, attributes, code)
  SELECT i.unit_id, i.valid_from, i.valid_to, i.name, i.parent_id, i.managing_unit_id, i.attributes, i.code
  FROM incoming i
  WHERE NOT EXISTS (SELECT 1 FROM directory_unit_version v WHERE v.unit_id = i.unit_id AND v.valid_from = i.valid_from)`;

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
