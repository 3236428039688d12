import { ORG_UNITS_EVENTS } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
import { projectUnitState } from './project-unit-state';
import { projectUnitStates } from './project-unit-states';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/** The topic the directory is built from. */
export const UNIT_DIRECTORY_TOPICS = [...new Set(ORG_UNITS_EVENTS.map((contract) => contract.topic))];

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
