import { ORG_UNITS_EVENTS } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
import { projectUnitState } from './project-unit-state';
import { projectUnitStates } from './project-unit-states';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/** The topic the directory is built from. */
export const UNIT_DIRECTORY_TOPICS = [...new Set(ORG_UNITS_EVENTS.map((contract) => contract.topic))];

/**
 * The directory consumer's `partitionsConsumedConcurrently` (campaigns, assessments and awards give it; models keeps the
 * default): 1, the three partitions of `org-units.unit` one after the other. Side by side would be safe for the kit's
 * projection (an event is keyed by its unit, so every event of a unit is in one partition, and its projection writes only
 * that unit's rows, the hops from it and its own inbox entry), but on the 2-core machine the catch-up after a national
 * reform is CPU-bound, and more consumer transactions at once only took CPU from the gateway's readers. `npm run
 * bench:reform` with 4 readers, the phase after the reform (org-units README, 1–2 December 2026): in turn, caught up in
 * 85.1 and 92.6 s with reads p50 97 and 109 ms, p99 502 and 558 ms; side by side in assessments and awards (3), 93.6 s,
 * p50 71 ms, p99 746 ms; side by side in all four, 91.2 and 109.6 s, p50 380 and 470 ms, p99 1.0 and 1.3 s. Raise it
 * where the services have cores to spare (and see the README on campaigns' generation row and models' statistics first).
 */
export const UNIT_DIRECTORY_PARTITIONS_AT_ONCE = 1;

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
