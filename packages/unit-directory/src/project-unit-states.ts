import { recordLineage } from './lineage';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

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
 * rows of the units it holds an older revision of (or none) in three statements, leaving units whose stored revision is
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
  await tx.$executeRawUnsafe(`DELETE FROM directory_unit_version WHERE unit_id = ANY($1::uuid[])`, kept.map((s) => s.unitId));
  const versions = kept.flatMap((s) => s.timeline.map((v) => ({ unitId: s.unitId, ...v })));
  if (versions.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id, managing_unit_id, attributes, code)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::text[])`,
      versions.map((v) => v.unitId),
      versions.map((v) => v.validFrom),
      versions.map((v) => v.validTo),
      versions.map((v) => v.name),
      versions.map((v) => v.parentId),
      versions.map((v) => v.managingUnitId),
      versions.map((v) => JSON.stringify(v.attributes ?? {})),
      versions.map((v) => v.code ?? null),
    );
  }
  return kept.length;
}
