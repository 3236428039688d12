import { LINEAGE_EVENTS, LINEAGE_SHARES, type LineageSuccessor } from '@antt/contracts';
import { type SqlClient } from './sql';
import { type UnitState } from './unit-state';

/** Whether the predecessor went into the successor whole or only in part (org-units' `LineageShare`). */
export type LineageShare = (typeof LINEAGE_SHARES)[number];
/** What made the hop (org-units' `LineageEventKind`). */
export type LineageEventKind = (typeof LINEAGE_EVENTS)[number];

/** One lineage hop read from an org-units event: `fromUnitId` went into `toUnitId` on `effectiveDate`. */
export interface LineageHop {
  fromUnitId: string;
  toUnitId: string;
  effectiveDate: string;
  share: LineageShare;
  event: LineageEventKind;
  /** Position of the successor in the list the event named (0 for a merge). */
  ordinal: number;
  /** Revision of the predecessor's event. */
  revision: number;
}

const isUuidList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isSuccessorList = (value: unknown): value is LineageSuccessor[] =>
  Array.isArray(value) &&
  value.every((item) => {
    const successor = item as Record<string, unknown> | null;
    return (
      typeof successor === 'object' &&
      successor !== null &&
      typeof successor['unitId'] === 'string' &&
      (LINEAGE_SHARES as readonly unknown[]).includes(successor['share']) &&
      (LINEAGE_EVENTS as readonly unknown[]).includes(successor['event'])
    );
  });

/**
 * The lineage hops an org-units event carries, read from its `change` (empty for events without lineage, and for states
 * without `change` or `effectiveDate`):
 * - `merged` (`change.intoUnitId`): one WHOLE MERGE hop.
 * - `split` (`change.intoUnitIds`): one PARTIAL SPLIT hop per part, in the event's order.
 * - `reorganised` with `change.successors` (each successor's share and event, as org-units recorded them): one hop per
 *   successor, as given.
 * - `reorganised` without it (events published before it was added: `change.successorIds`, `change.changes`): the share is
 *   inferred. A unit the plan dissolved by a merge or a reclassification (its last change, `dissolvedOn` the
 *   plan's date) went WHOLE into the last successor named (a dissolved unit can take part in no later operation of the plan,
 *   so the dissolving operation names the last one); every other successor took a part (PARTIAL: SPLIT when the unit was
 *   split, else TRANSFER when it transferred dependents, else MERGE — a partial merge). A surviving unit only ever went
 *   PARTIAL. Checked against org-units' plan engine (same hops and shares; the engine may keep a MERGE and a TRANSFER hop
 *   for one pair, the directory one hop per pair and date). Its limit, which `successors` lifts: a unit merged in part into
 *   X, transferring to Y, then merged whole into X is read as WHOLE into Y.
 */
export function lineageOf(state: UnitState): LineageHop[] {
  const change = state.change as Record<string, unknown> | null | undefined;
  const date = state.effectiveDate;
  if (!change || typeof change !== 'object' || typeof date !== 'string') return [];
  const hop = (toUnitId: string, share: LineageShare, event: LineageEventKind, ordinal: number): LineageHop => ({
    fromUnitId: state.unitId,
    toUnitId,
    effectiveDate: date,
    share,
    event,
    ordinal,
    revision: state.revision,
  });
  if (typeof change['intoUnitId'] === 'string') return [hop(change['intoUnitId'], 'WHOLE', 'MERGE', 0)];
  if (isUuidList(change['intoUnitIds'])) return change['intoUnitIds'].map((to, index) => hop(to, 'PARTIAL', 'SPLIT', index));
  if (isSuccessorList(change['successors'])) {
    return change['successors'].filter((successor) => successor.unitId !== state.unitId).map((successor, index) => hop(successor.unitId, successor.share, successor.event, index));
  }
  if (isUuidList(change['successorIds']) && isUuidList(change['changes'])) {
    const successors = change['successorIds'].filter((id) => id !== state.unitId);
    const changes = change['changes'];
    const last = changes[changes.length - 1];
    const dissolvedHere = state.dissolvedOn === date;
    const wholeLast = dissolvedHere && (last === 'merged' || last === 'reclassified');
    // A partial merge does not list itself among the unit's changes (only the target is touched "merged").
    const partialKind: LineageEventKind = changes.includes('split') ? 'SPLIT' : changes.includes('transferred') ? 'TRANSFER' : 'MERGE';
    return successors.map((to, index) =>
      wholeLast && index === successors.length - 1
        ? hop(to, 'WHOLE', last === 'reclassified' ? 'RECLASSIFY' : 'MERGE', index)
        : hop(to, 'PARTIAL', partialKind, index),
    );
  }
  return [];
}

/**
 * Records the hops of many states in one statement. A hop is keyed by (from, to, effective date): a redelivery changes
 * nothing, and a hop already held is rewritten only by a higher revision of its predecessor (whatever the order the events
 * come in). Hops are never deleted: org-units never takes lineage back, and a later event of a unit does not repeat it.
 * Resolves to the number of hops written.
 */
export async function recordLineage(tx: SqlClient, states: readonly UnitState[]): Promise<number> {
  const byKey = new Map<string, LineageHop>();
  for (const hop of states.flatMap(lineageOf)) {
    const key = `${hop.fromUnitId.toLowerCase()}|${hop.toUnitId.toLowerCase()}|${hop.effectiveDate}`;
    const held = byKey.get(key);
    if (!held || held.revision < hop.revision) byKey.set(key, hop);
  }
  const hops = [...byKey.values()];
  if (hops.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO directory_unit_lineage (from_unit_id, to_unit_id, effective_date, share, event, ordinal, revision)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::text[], $6::int[], $7::int[])
     ON CONFLICT (from_unit_id, to_unit_id, effective_date) DO UPDATE
       SET share = EXCLUDED.share, event = EXCLUDED.event, ordinal = EXCLUDED.ordinal, revision = EXCLUDED.revision
       WHERE directory_unit_lineage.revision < EXCLUDED.revision`,
    hops.map((h) => h.fromUnitId),
    hops.map((h) => h.toUnitId),
    hops.map((h) => h.effectiveDate),
    hops.map((h) => h.share),
    hops.map((h) => h.event),
    hops.map((h) => h.ordinal),
    hops.map((h) => h.revision),
  );
}
