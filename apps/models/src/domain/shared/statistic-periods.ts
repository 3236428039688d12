import { type SqlClient } from '@antt/unit-directory';

/** Key of the transaction-scoped advisory lock that serialises what follows a directory change (ASCII "mstat"). */
const DIRECTORY_FOLLOW_LOCK_KEY = 0x6d73746174n;

/**
 * Held from here to the end of the transaction: the unit directory consumer takes it after projecting a batch and before
 * moving models to successor hosts and deriving statistic periods, which read the directory rows of other units (a host's
 * ancestors, a host's successor) that a batch of another partition may be writing side by side. With it, those steps
 * run one transaction after the other, each in statements that begin after the one before it committed (READ COMMITTED),
 * so each sees the other's projection, host moves and periods, as when the partitions were applied one after the other.
 * Taken only after the projection, and before any model row is written, so it never waits while holding a model row.
 */
export async function lockDirectoryFollowUp(tx: SqlClient): Promise<void> {
  await tx.$queryRawUnsafe('SELECT 1 AS locked FROM pg_advisory_xact_lock($1::bigint)', DIRECTORY_FOLLOW_LOCK_KEY.toString());
}

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
