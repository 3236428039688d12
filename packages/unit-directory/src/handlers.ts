import { type EventEnvelope, ORG_UNITS_EVENTS, PlanAppliedV1 } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
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
 * reform is CPU-bound, and more consumer transactions at once only took CPU from the gateway's readers: the measurements,
 * and what campaigns and models would need before raising it, are in this package's README.
 */
export const UNIT_DIRECTORY_PARTITIONS_AT_ONCE = 1;

/**
 * The unit states an org-units event carries: the unit's own for every per-unit type, and each unit of the part for
 * `org-units.plan.applied` (its `units` are `org-units.unit.reorganised` payloads).
 */
export function unitStatesOf(event: Pick<EventEnvelope, 'type' | 'data'>): UnitState[] {
  if (event.type === PlanAppliedV1.fullType) return (event.data as { units: UnitState[] }).units;
  return [event.data as UnitState];
}

/**
 * Consumer handlers that keep a service's unit directory: every org-units event carries the whole state of the units it
 * is about, so each type is applied the same way, and a redelivered or older event changes nothing.
 */
export function unitDirectoryHandlers<TTx extends SqlExecutor & SqlClient>(): Record<string, EventHandler<TTx>> {
  const apply: EventHandler<TTx> = async (event, tx) => {
    await projectUnitStates(tx, unitStatesOf(event));
  };
  return Object.fromEntries(ORG_UNITS_EVENTS.map((contract) => [contract.fullType, apply]));
}

/**
 * The batch-mode counterpart of {@link unitDirectoryHandlers} (give both to `startConsumer`): one function for every
 * org-units type, so a whole batch is applied by one call of {@link projectUnitStates}.
 */
export function unitDirectoryBatchHandlers<TTx extends SqlExecutor & SqlClient>(): Record<string, BatchEventHandler<TTx>> {
  const apply: BatchEventHandler<TTx> = async (events, tx) => {
    await projectUnitStates(tx, events.flatMap(unitStatesOf));
  };
  return Object.fromEntries(ORG_UNITS_EVENTS.map((contract) => [contract.fullType, apply]));
}
