import { type EventEnvelope, UnitMergedV1 } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
import { type SqlClient, unitDirectoryBatchHandlers, unitDirectoryHandlers } from '@antt/unit-directory';

type Tx = SqlExecutor & SqlClient;

/**
 * A model follows its host through a reorganisation: when the host is merged into another unit, every model it hosts that is
 * not dissolved moves to the successor from the merge's effective date. The move is recorded in `model_host_change` (keyed
 * by the cause event, so a redelivery changes nothing); reviews keep the host they were made for.
 */
export async function followMergedHost(tx: SqlClient, event: EventEnvelope): Promise<number> {
  const data = event.data as { unitId: string; effectiveDate: string; change: { intoUnitId: string } };
  const moved = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE self_management_model SET host_unit_id = $2::uuid, revision = revision + 1, updated_at = now()
     WHERE host_unit_id = $1::uuid AND status <> 'DISSOLVED' RETURNING id::text`,
    data.unitId,
    data.change.intoUnitId,
  );
  for (const { id } of moved) {
    await tx.$executeRawUnsafe(
      `INSERT INTO model_host_change (model_id, from_unit_id, to_unit_id, effective_on, cause_event_id)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::date, $5::uuid) ON CONFLICT (model_id, cause_event_id) DO NOTHING`,
      id,
      data.unitId,
      data.change.intoUnitId,
      data.effectiveDate,
      event.id,
    );
  }
  return moved.length;
}

/** The unit directory's handlers, with merges also moving the merged unit's models to its successor (same transaction). */
export function modelsDirectoryHandlers<TTx extends Tx>(): { handlers: Record<string, EventHandler<TTx>>; batchHandlers: Record<string, BatchEventHandler<TTx>> } {
  const handlers = unitDirectoryHandlers<TTx>();
  const batchHandlers = unitDirectoryBatchHandlers<TTx>();
  const merged = UnitMergedV1.fullType;
  const project = handlers[merged];
  const projectBatch = batchHandlers[merged];
  if (!project || !projectBatch) throw new Error(`The unit directory kit has no handler for ${merged}`);
  return {
    handlers: {
      ...handlers,
      [merged]: async (event, tx) => {
        await project(event, tx);
        await followMergedHost(tx, event);
      },
    },
    batchHandlers: {
      ...batchHandlers,
      [merged]: async (events, tx) => {
        await projectBatch(events, tx);
        for (const event of events) await followMergedHost(tx, event);
      },
    },
  };
}
