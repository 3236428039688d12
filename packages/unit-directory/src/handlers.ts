import { ORG_UNITS_EVENTS } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
import { projectUnitState } from './project-unit-state';
import { projectUnitStates } from './project-unit-states';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/** The topic the directory is built from. */
export const UNIT_DIRECTORY_TOPICS = [...new Set(ORG_UNITS_EVENTS.map((contract) => contract.topic))];

/**
 * The directory consumer's `partitionsConsumedConcurrently`: the partitions of `org-units.unit` (3) are applied side by
 * side. Safe because an event is keyed by its unit, so every event of a unit is in one partition, and its projection
 * writes only that unit's rows (`directory_unit`, its versions) and the hops from it (`directory_unit_lineage`), plus
 * its own inbox entry: two partitions' transactions never write the same row. Measured with `npm run bench:reform --
 * --concurrency 0` (org-units README): the three directories that use it matched the reform's events 50.4–57.5 s after
 * the apply, against 68.6–71.2 s with the partitions one after the other.
 */
export const UNIT_DIRECTORY_PARTITIONS_AT_ONCE = 3;

/**
 * Consumer handlers that keep a service's unit directory: every org-units event carries the unit's whole state, so each
 * type is applied the same way, and a redelivered or older event changes nothing.
 */
export function unitDirectoryHandlers<TTx extends SqlExecutor & SqlClient>(): Record<string, EventHandler<TTx>> {
  const apply: EventHandler<TTx> = async (event, tx) => {
    await projectUnitState(tx, event.data as UnitState);
  };
  return Object.fromEntries(ORG_UNITS_EVENTS.map((contract) => [contract.fullType, apply]));
}

/**
 * The batch-mode counterpart of {@link unitDirectoryHandlers} (give both to `startConsumer`): one function for every
 * org-units type, so a whole batch is applied by one call of {@link projectUnitStates}.
 */
export function unitDirectoryBatchHandlers<TTx extends SqlExecutor & SqlClient>(): Record<string, BatchEventHandler<TTx>> {
  const apply: BatchEventHandler<TTx> = async (events, tx) => {
    await projectUnitStates(
      tx,
      events.map((event) => event.data as UnitState),
    );
  };
  return Object.fromEntries(ORG_UNITS_EVENTS.map((contract) => [contract.fullType, apply]));
}
