import { recordLineage } from './lineage';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

export type ProjectionOutcome = 'applied' | 'stale';

/**
 * Replaces what the directory holds for one unit with `state`, unless it already holds that revision or a later one.
 * The lineage the event's `change` carries is recorded too ({@link recordLineage}), even from a stale event.
 * Run it inside the consumer's transaction: the row lock taken here orders concurrent deliveries of the same unit.
 */
export async function projectUnitState(tx: SqlClient, state: UnitState): Promise<ProjectionOutcome> {
  // Lineage first and whatever the revision: an older event's hop is still a fact (a later event does not repeat it).
  await recordLineage(tx, [state]);
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO directory_unit (unit_id, code, kind, revision, dissolved_on)
     VALUES ($1::uuid, $2, $3, $4, $5::date)
     ON CONFLICT (unit_id) DO NOTHING`,
    state.unitId,
    state.code,
    state.kind,
    state.revision,
    state.dissolvedOn,
  );
  if (inserted === 0) {
    const updated = await tx.$executeRawUnsafe(
      `UPDATE directory_unit SET code = $2, kind = $3, revision = $4, dissolved_on = $5::date, updated_at = now()
       WHERE unit_id = $1::uuid AND revision < $4`,
      state.unitId,
      state.code,
      state.kind,
      state.revision,
      state.dissolvedOn,
    );
    if (updated === 0) return 'stale';
    await tx.$executeRawUnsafe(`DELETE FROM directory_unit_version WHERE unit_id = $1::uuid`, state.unitId);
  }
  if (state.timeline.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id, managing_unit_id, attributes, code)
       SELECT $1::uuid, t.valid_from, t.valid_to, t.name, t.parent_id, t.managing_unit_id, t.attributes, t.code
       FROM unnest($2::date[], $3::date[], $4::text[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::text[])
         AS t(valid_from, valid_to, name, parent_id, managing_unit_id, attributes, code)`,
      state.unitId,
      state.timeline.map((v) => v.validFrom),
      state.timeline.map((v) => v.validTo),
      state.timeline.map((v) => v.name),
      state.timeline.map((v) => v.parentId),
      state.timeline.map((v) => v.managingUnitId),
      state.timeline.map((v) => JSON.stringify(v.attributes ?? {})),
      state.timeline.map((v) => v.code ?? null),
    );
  }
  return 'applied';
}
