import { type SqlClient } from '@antt/unit-directory';

/**
 * The statistics read model (`model_statistic_period`, ADR 0017) is written only here, in the transaction of the change: the
 * periods of the given models are derived again by the migration's function `refresh_model_statistic_periods`, from the
 * registry and the unit directory as they stand in that transaction.
 */
export async function refreshStatisticPeriods(tx: SqlClient, modelIds: readonly string[]): Promise<void> {
  if (modelIds.length === 0) return;
  await tx.$queryRawUnsafe('SELECT refresh_model_statistic_periods($1::uuid[]) AS written', modelIds);
}

/**
 * After the unit directory projected changes of `unitIds` (a move, a rename of kind, a merge, a split, …): the periods of every
 * model whose host is one of them or lies below one of them in some period (the path's GIN index), or that moved from or to one.
 * A unit that moves is on the path of everything below it, so its descendants' models are found through it. Units no model
 * touches (most of a reorganisation's) cost one index look-up, not a derivation.
 */
export async function refreshStatisticPeriodsOfUnits(tx: SqlClient, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT refresh_model_statistic_periods(s.ids) AS written
     FROM (SELECT ARRAY(
       SELECT p.model_id FROM model_statistic_period p WHERE p.path && $1::uuid[]
       UNION SELECT m.id FROM self_management_model m JOIN unnest($1::uuid[]) AS u(id) ON m.host_unit_id = u.id
       UNION SELECT hc.model_id FROM model_host_change hc JOIN unnest($1::uuid[]) AS u(id) ON hc.from_unit_id = u.id OR hc.to_unit_id = u.id
     ) AS ids) s
     WHERE cardinality(s.ids) > 0`,
    unitIds,
  );
}
