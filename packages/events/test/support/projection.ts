import { type EventHandler, type SqlExecutor } from '../../src';

/** The demo projection: one row per applied event, so applying an event twice would show as two rows. */
export const projectItem: EventHandler = async (event, tx: SqlExecutor) => {
  const data = event.data as { itemId: string; revision: number };
  await tx.$executeRawUnsafe(
    'INSERT INTO projection (event_id, item_id, revision) VALUES ($1::uuid, $2::uuid, $3)',
    event.id,
    data.itemId,
    data.revision,
  );
};
