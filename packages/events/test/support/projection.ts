import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '../../src';

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

/** The demo projection for batch mode: the same rows as {@link projectItem}, in one statement, in the batch's order. */
export const projectItems: BatchEventHandler = async (events, tx: SqlExecutor) => {
  const data = events.map((event) => event.data as { itemId: string; revision: number });
  await tx.$executeRawUnsafe(
    `INSERT INTO projection (event_id, item_id, revision)
     SELECT t.event_id, t.item_id, t.revision FROM unnest($1::uuid[], $2::uuid[], $3::int[]) WITH ORDINALITY AS t(event_id, item_id, revision, n)
     ORDER BY t.n`,
    events.map((event) => event.id),
    data.map((d) => d.itemId),
    data.map((d) => d.revision),
  );
};
