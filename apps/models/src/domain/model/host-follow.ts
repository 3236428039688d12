import { type EventEnvelope, PlanAppliedV1, UnitMergedV1, UnitReorganisedV1, UnitSplitV1 } from '@antt/contracts';
import { type BatchEventHandler, type EventHandler, type SqlExecutor } from '@antt/events';
import { type SqlClient, UnitDirectory, unitDirectoryBatchHandlers, unitDirectoryHandlers, unitStatesOf } from '@antt/unit-directory';
import { refreshStatisticPeriodsOfUnits } from '../shared';

type Tx = SqlExecutor & SqlClient;

/** The org-units events that carry lineage: after them a host may have ceased to exist with a successor. */
export const HOST_LINEAGE_TYPES = [UnitMergedV1.fullType, UnitSplitV1.fullType, UnitReorganisedV1.fullType, PlanAppliedV1.fullType] as const;

/** Most hops one model is followed through at once (a unit merged, its successor merged again, …). */
const MAX_HOPS = 32;

/**
 * A model follows its host through a reorganisation, on the lineage kept in the unit directory. While the host exists the
 * model stays; once the host has ceased to exist, the model moves to the unit that continues it
 * (`UnitDirectory.continuationOf(host, { through: 'ANY' })`), from that hop's effective date, and on through later hops:
 * - merged WHOLE (a merge, a reclassification): the unit it went into;
 * - split (the host dissolved into parts): the FIRST part the event named (org-units' split and reorganised payloads carry no
 *   shares, so "the part that took the largest share" cannot be known; org-units names the parts in the order the split was
 *   given);
 * - a host that survives a split or a transfer (`keepSource`, a partial merge) keeps its models;
 * - a host dissolved without a successor keeps them (the managing level dissolves them by decision).
 *
 * Each move bumps the model's revision and is recorded in `model_host_change`, keyed by (model, cause): the org-units event
 * that dissolved the host when there is one (`causes`), else a name-based id of (model, from, to, date), so redeliveries,
 * replays and a model registered twice on the same lineage change nothing. A plan's part (`org-units.plan.applied`) names
 * many hosts, and a model can move twice within one plan, so its moves take the name-based id. Reviews keep the host they were made for.
 * Resolves to the number of moves made.
 */
export async function followHosts(tx: SqlClient, hostUnitIds: readonly string[], causes: ReadonlyMap<string, string> = new Map()): Promise<number> {
  const directory = new UnitDirectory(tx);
  let hosts = [...new Set(hostUnitIds.map((id) => id.toLowerCase()))];
  let moves = 0;
  for (let hop = 0; hop < MAX_HOPS && hosts.length > 0; hop += 1) {
    const next: string[] = [];
    // Only units that host a model are followed: a reorganisation names thousands of units, few of which host one, and each
    // followed unit costs round trips inside the projection's transaction.
    const hosting = await tx.$queryRawUnsafe<Array<{ host: string }>>(
      `SELECT DISTINCT m.host_unit_id::text AS host FROM self_management_model m JOIN unnest($1::uuid[]) AS u(id) ON m.host_unit_id = u.id
       WHERE m.status <> 'DISSOLVED' ORDER BY 1`,
      hosts,
    );
    for (const { host } of hosting) {
      const link = await directory.continuationOf(host, { through: 'ANY' });
      if (!link || link.toUnitId.toLowerCase() === host) continue;
      const moved = await tx.$queryRawUnsafe<Array<{ id: string }>>(
        `UPDATE self_management_model SET host_unit_id = $2::uuid, revision = revision + 1, updated_at = now()
         WHERE host_unit_id = $1::uuid AND status <> 'DISSOLVED' RETURNING id::text`,
        host,
        link.toUnitId,
      );
      if (moved.length === 0) continue;
      await tx.$executeRawUnsafe(
        `INSERT INTO model_host_change (model_id, from_unit_id, to_unit_id, effective_on, cause_event_id)
         SELECT m, $2::uuid, $3::uuid, $4::date, COALESCE($5::uuid, md5(m::text || '|' || $2 || '|' || $3 || '|' || $4)::uuid)
         FROM unnest($1::uuid[]) AS m
         ON CONFLICT (model_id, cause_event_id) DO NOTHING`,
        moved.map((row) => row.id),
        host,
        link.toUnitId,
        link.effectiveDate,
        causes.get(host) ?? null,
      );
      moves += moved.length;
      next.push(link.toUnitId.toLowerCase());
    }
    hosts = [...new Set(next)];
  }
  return moves;
}

/** The units an org-units event is about (one, or a plan part's). */
const unitsOf = (event: EventEnvelope): string[] => unitStatesOf(event).map((state) => state.unitId.toLowerCase());

/** The host → cause pairs of lineage events: a per-unit event names itself, a plan's part names no cause (see {@link followHosts}). */
function causesOf(events: readonly EventEnvelope[]): { hosts: string[]; causes: Map<string, string> } {
  const hosts = new Set<string>();
  const causes = new Map<string, string>();
  for (const event of events) {
    for (const unitId of unitsOf(event)) {
      hosts.add(unitId);
      if (event.type !== PlanAppliedV1.fullType) causes.set(unitId, event.id);
    }
  }
  return { hosts: [...hosts], causes };
}

/** {@link followHosts} for the units a lineage event of org-units is about. */
export function followMergedHost(tx: SqlClient, event: EventEnvelope): Promise<number> {
  const { hosts, causes } = causesOf([event]);
  return followHosts(tx, hosts, causes);
}

/**
 * The unit directory's handlers, with the events that carry lineage (merged, split, reorganised) also moving the models of a
 * host that ceased to exist to the unit that continues it (same transaction as the projection, which records the lineage).
 * One function for every org-units type, as in the kit, so that a whole fetched batch is still applied by one call.
 */
export function modelsDirectoryHandlers<TTx extends Tx>(): { handlers: Record<string, EventHandler<TTx>>; batchHandlers: Record<string, BatchEventHandler<TTx>> } {
  const handlers = unitDirectoryHandlers<TTx>();
  const batchHandlers = unitDirectoryBatchHandlers<TTx>();
  const lineageTypes = new Set<string>(HOST_LINEAGE_TYPES);
  const apply: EventHandler<TTx> = async (event, tx) => {
    const project = handlers[event.type];
    if (!project) throw new Error(`The unit directory kit has no handler for ${event.type}`);
    await project(event, tx);
    if (lineageTypes.has(event.type)) await followMergedHost(tx, event);
    await refreshStatisticPeriodsOfUnits(tx, unitsOf(event));
  };
  const applyBatch: BatchEventHandler<TTx> = async (events, tx) => {
    const first = events[0];
    const projectBatch = first ? batchHandlers[first.type] : undefined;
    if (!first || !projectBatch) return;
    await projectBatch(events, tx);
    const { hosts, causes } = causesOf(events.filter((event) => lineageTypes.has(event.type)));
    if (hosts.length > 0) await followHosts(tx, hosts, causes);
    await refreshStatisticPeriodsOfUnits(tx, [...new Set(events.flatMap(unitsOf))]);
  };
  return {
    handlers: Object.fromEntries(Object.keys(handlers).map((type) => [type, apply])),
    batchHandlers: Object.fromEntries(Object.keys(batchHandlers).map((type) => [type, applyBatch])),
  };
}
