import { Prisma } from '../../generated/prisma/client';
import { type RawSql } from '../../infrastructure/raw-sql';

/** Key of the transaction-level advisory lock that serialises rebuilds of unit_closure (ASCII "unit"). */
const CLOSURE_LOCK_KEY = 0x756e6974;

/** Units from which a rebuild sorts its derived rows in memory ({@link LARGE_REBUILD_WORK_MEM}, to the transaction's end). */
const LARGE_REBUILD = 10_000;
const LARGE_REBUILD_WORK_MEM = '128MB';

async function lockClosure(tx: RawSql): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CLOSURE_LOCK_KEY}::bigint)`;
}

/** A unit just created with a single open version. */
export interface NewUnitPlacement {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  validFrom: string;
}

/**
 * Writes the unit_closure rows of units just created, each with one open version, whose parents are already stored
 * with their rows or are among `units` (in any order). A new unit's rows are its parent's, from its first day on, and
 * itself — the rows {@link rebuildUnitClosure} derives, without walking up the tree: a
 * bulk import writes them generation by generation, one statement each.
 */
export async function writeClosureOfNewUnits(tx: RawSql, units: readonly NewUnitPlacement[]): Promise<void> {
  if (units.length === 0) return;
  await lockClosure(tx);
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const generation = new Map<string, number>();
  const generationOf = (unit: NewUnitPlacement): number => {
    const chain: NewUnitPlacement[] = [];
    let current: NewUnitPlacement | undefined = unit;
    while (current && !generation.has(current.id) && chain.length <= units.length) {
      chain.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    let next = current ? (generation.get(current.id) ?? 0) + 1 : 0;
    for (const link of chain.reverse()) generation.set(link.id, next++);
    return generation.get(unit.id) ?? 0;
  };
  const generations: NewUnitPlacement[][] = [];
  for (const unit of units) (generations[generationOf(unit)] ??= []).push(unit);
  for (const batch of generations.filter(Boolean)) {
    const col = <T>(pick: (unit: NewUnitPlacement) => T) => batch.map(pick);
    const fresh = Prisma.sql`unnest(${col((u) => u.id)}::text[]::uuid[], ${col((u) => u.validFrom)}::text[]::date[],
      ${col((u) => u.code)}::text[], ${col((u) => u.kind)}::text[], ${col((u) => u.parentId)}::text[]::uuid[])
      AS n(id, valid_from, code, kind, parent_id)`;
    await tx.$executeRaw`
      INSERT INTO unit_closure (descendant_id, ancestor_id, valid_from, valid_to, code, kind)
      SELECT n.id, n.id, n.valid_from, NULL, n.code, n.kind::"UnitKind" FROM ${fresh}
      UNION ALL
      SELECT n.id, c.ancestor_id, greatest(c.valid_from, n.valid_from), c.valid_to, n.code, n.kind::"UnitKind"
      FROM ${fresh}
      -- OFFSET 0 keeps the lateral subquery a probe of the primary key per new unit: flattened into a join, the planner
      -- hashes the whole table for a chunk, and the import slows down as the table grows.
      CROSS JOIN LATERAL (
        SELECT c.ancestor_id, c.valid_from, c.valid_to FROM unit_closure c
        WHERE c.descendant_id = n.parent_id AND (c.valid_to IS NULL OR c.valid_to > n.valid_from) OFFSET 0
      ) c`;
  }
}

/** One period of a timeline with a single parent (null: none), as `from|to|parent`; adjacent versions merged. */
export function parentSpans(versions: readonly { validFrom: string; validTo: string | null; parentId: string | null }[]): string[] {
  const spans: { from: string; to: string | null; parent: string | null }[] = [];
  for (const version of [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) {
    const last = spans[spans.length - 1];
    if (last && last.to === version.validFrom && last.parent === version.parentId) last.to = version.validTo;
    else spans.push({ from: version.validFrom, to: version.validTo, parent: version.parentId });
  }
  return spans.map((span) => `${span.from}|${span.to ?? ''}|${span.parent ?? ''}`);
}

/** What of a version the closure rows depend on: its period, parent and code (not its name or attributes). */
export interface ClosureVersion {
  validFrom: string;
  validTo: string | null;
  parentId: string | null;
  code: string;
}

/**
 * The first date from which a unit's closure rows may differ between two timelines: the earliest day on which it is
 * alive in one and not the other, or under another parent, or holds another code; null when they never differ.
 * Everything before it derives the same rows, so an incremental rebuild ({@link rebuildUnitClosure} `from`) may keep them.
 */
export function closureChangedFrom(before: readonly ClosureVersion[], after: readonly ClosureVersion[]): string | null {
  const stateOn = (versions: readonly ClosureVersion[], date: string): string => {
    const version = versions.find((v) => v.validFrom <= date && (v.validTo === null || v.validTo > date));
    return version ? `${version.parentId ?? ''}|${version.code}` : '';
  };
  const dates = new Set<string>();
  for (const version of [...before, ...after]) {
    dates.add(version.validFrom);
    if (version.validTo !== null) dates.add(version.validTo);
  }
  // The state is constant between two of these dates, so the first difference falls on one of them.
  for (const date of [...dates].sort()) if (stateOn(before, date) !== stateOn(after, date)) return date;
  return null;
}

/**
 * The unit_closure rows of `ids`, derived from unit_version alone: each unit is its own ancestor over its versions;
 * walking up, an ancestor's version narrows the period to when it held; rows of one (descendant, ancestor, code) that
 * meet end to end are merged, so the rows depend only on which units are above a unit and when, its life span and its
 * codes — not on renames, nor on how many levels lie between (a unit whose district is abolished keeps its row to the
 * province: ADR 0008).
 * With `from`, only the part of every period on or after it (versions ending on or before it are not read).
 */
export function derivedClosureRows(ids: readonly string[], from: string | null = null): Prisma.Sql {
  const start = from === null ? Prisma.sql`v.valid_from` : Prisma.sql`greatest(v.valid_from, ${from}::date)`;
  const after = from === null ? Prisma.empty : Prisma.sql`AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)`;
  return Prisma.sql`
    WITH RECURSIVE walk AS (
      SELECT v.unit_id AS descendant_id, v.unit_id AS ancestor_id, 0 AS depth, ${start} AS valid_from, v.valid_to, v.code, v.kind
      FROM unit_version v WHERE v.unit_id = ANY(${[...ids]}::text[]::uuid[]) ${after}
      UNION ALL
      -- least/greatest skip nulls: an open end (null) loses to any date.
      SELECT w.descendant_id, p.parent_id, w.depth + 1, greatest(w.valid_from, p.valid_from), least(w.valid_to, p.valid_to), w.code, w.kind
      FROM walk w JOIN unit_version p ON p.unit_id = w.ancestor_id
      WHERE p.parent_id IS NOT NULL AND w.depth < 64
        AND p.valid_from < coalesce(w.valid_to, 'infinity'::date) AND coalesce(p.valid_to, 'infinity'::date) > w.valid_from
    ),
    marked AS (
      SELECT walk.*, CASE WHEN lag(valid_to) OVER pair = valid_from THEN 0 ELSE 1 END AS starts
      FROM walk WINDOW pair AS (PARTITION BY descendant_id, ancestor_id, code ORDER BY valid_from)
    ),
    islands AS (
      SELECT marked.*, sum(starts) OVER (PARTITION BY descendant_id, ancestor_id, code ORDER BY valid_from) AS island FROM marked
    )
    SELECT descendant_id, ancestor_id, min(valid_from) AS valid_from,
      CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE max(valid_to) END AS valid_to, code, kind
    FROM islands GROUP BY descendant_id, ancestor_id, island, code, kind`;
}

/**
 * Rebuilds the unit_closure rows of `unitIds` — and, with `withEverythingBelow`, of every unit that was ever below one
 * of them, whose ancestors' periods change with theirs — from unit_version as this transaction sees it.
 *
 * With `from` (no unit's parents, life span or code changed before it: {@link closureChangedFrom}), only the rows from
 * that date on are rebuilt: rows ending on or before it are kept, rows spanning it are cut at it (and joined again to
 * the row that carries them on from it, as a full rebuild merges them), and the rows from it on are derived from the
 * versions that reach past it. A plan effective on one date rewrites only the tree's present and future, not its past.
 *
 * Rebuilds are serialised by an advisory lock held to the end of the transaction, and every statement after it sees
 * the rebuilds committed before: two transactions changing the same subtree rebuild it one after the other, the later
 * one from the earlier one's committed versions, so the rows always match the committed tree.
 */
export async function rebuildUnitClosure(
  tx: RawSql,
  unitIds: readonly string[],
  withEverythingBelow: boolean,
  from: string | null = null,
): Promise<void> {
  if (unitIds.length === 0) return;
  await lockClosure(tx);
  let ids = [...new Set(unitIds)];
  if (withEverythingBelow) {
    // From `from` on, a unit only below one of them before it keeps its rows: walk the versions that reach past it.
    const live = from === null ? Prisma.empty : Prisma.sql`AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)`;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE below(id) AS (
        SELECT unnest(${ids}::text[]::uuid[])
        UNION
        SELECT v.unit_id FROM unit_version v JOIN below b ON v.parent_id = b.id ${live}
      )
      SELECT id::text AS id FROM below`;
    ids = rows.map((row) => row.id);
  }
  // A national plan derives about 300,000 rows: sorted and grouped within 4 MB (the default work_mem) they spill to disk.
  if (ids.length >= LARGE_REBUILD) await tx.$executeRawUnsafe(`SET LOCAL work_mem = '${LARGE_REBUILD_WORK_MEM}'`);
  if (from === null) {
    await tx.$executeRaw`DELETE FROM unit_closure WHERE descendant_id = ANY(${ids}::text[]::uuid[])`;
    await tx.$executeRaw`
      INSERT INTO unit_closure (descendant_id, ancestor_id, valid_from, valid_to, code, kind) ${derivedClosureRows(ids)}`;
    return;
  }
  await tx.$executeRaw`
    DELETE FROM unit_closure WHERE descendant_id = ANY(${ids}::text[]::uuid[]) AND valid_from >= ${from}::date`;
  // Each row spanning `from` or ending on it either carries on in a derived row starting on it (same ancestor, code and
  // kind: at most one, as a unit is below an ancestor once on a date), which it extends to that row's end, or
  // is cut at `from`; the derived rows not carried on that way are inserted. A row whose end does not change is not
  // written at all (on a national plan: every unit's own row, and the rows to a parent it keeps). The two sides are
  // paired by a window over their union rather than a join: the planner cannot estimate the derived rows, and joined
  // to them row by row (a nested loop over 300,000 rows) the statement took minutes. The rows are updated in the order
  // they lie in the table (their ctid, read in this statement's snapshot under the closure lock, and checked against the
  // key) rather than in key order, which visits the table's pages at random.
  await tx.$executeRaw`
    WITH fresh AS MATERIALIZED (${derivedClosureRows(ids, from)}),
    paired AS MATERIALIZED (
      SELECT r.*,
        bool_or(r.old) OVER pair AS carries,
        bool_or(NOT r.old) OVER pair AS carried,
        max(CASE WHEN NOT r.old THEN coalesce(r.valid_to, 'infinity'::date) END) OVER pair AS carried_to
      FROM (
        SELECT c.descendant_id, c.ancestor_id, c.code, c.kind, c.valid_from, c.valid_to, true AS old, c.ctid AS row_id
        FROM unit_closure c
        WHERE c.descendant_id = ANY(${ids}::text[]::uuid[]) AND c.valid_from < ${from}::date
          AND (c.valid_to IS NULL OR c.valid_to >= ${from}::date)
        UNION ALL
        SELECT f.descendant_id, f.ancestor_id, f.code, f.kind, f.valid_from, f.valid_to, false, NULL::tid FROM fresh f
        WHERE f.valid_from = ${from}::date
      ) r
      WINDOW pair AS (PARTITION BY r.descendant_id, r.ancestor_id, r.code, r.kind)
    ),
    ends AS (
      SELECT descendant_id, ancestor_id, valid_from, valid_to, row_id,
        CASE WHEN carried THEN nullif(carried_to, 'infinity'::date) ELSE ${from}::date END AS new_to
      FROM paired WHERE old
    ),
    updated AS (
      UPDATE unit_closure c SET valid_to = e.new_to FROM (SELECT * FROM ends ORDER BY row_id) e
      WHERE c.ctid = e.row_id AND c.descendant_id = e.descendant_id AND c.ancestor_id = e.ancestor_id
        AND c.valid_from = e.valid_from AND e.valid_to IS DISTINCT FROM e.new_to
    )
    INSERT INTO unit_closure (descendant_id, ancestor_id, valid_from, valid_to, code, kind)
    SELECT f.descendant_id, f.ancestor_id, f.valid_from, f.valid_to, f.code, f.kind FROM fresh f
    WHERE f.valid_from <> ${from}::date
    UNION ALL
    SELECT p.descendant_id, p.ancestor_id, p.valid_from, p.valid_to, p.code, p.kind FROM paired p
    WHERE NOT p.old AND NOT p.carries`;
}
