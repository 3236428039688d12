import { toIsoDate } from './dates';
import { type LineageEventKind, type LineageShare } from './lineage';
import { type SqlClient } from './sql';
import { type DirectoryAttributes } from './unit-state';

/** A unit as the directory saw it on a given date. */
export interface DirectoryEntry {
  unitId: string;
  /** The unit's code on the date asked about (codes change: a recode in a reorganisation). */
  code: string;
  kind: string;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
  /** The version's attributes ({} when org-units published none or the directory predates them). */
  attributes: DirectoryAttributes;
  /** 0 for the unit asked about, 1 for its parent or child, and so on. */
  depth: number;
}

/** A unit reached through lineage over one or more generations (org-units' `LineageRelative`). */
export interface LineageRelative {
  unitId: string;
  /** WHOLE when some way between the two units is whole at every hop; PARTIAL otherwise. */
  share: LineageShare;
  /** Hops between the two units (1: a direct predecessor or successor). */
  generations: number;
  /** Date of the hop nearest the unit asked about. */
  effectiveDate: string;
}

/** A unit and the date it is asked about, for the batched reads. */
export interface UnitOnDate {
  unitId: string;
  asOf: Date | string;
}

/** One hop out of a unit, as the directory holds it. */
export interface LineageLink {
  toUnitId: string;
  effectiveDate: string;
  share: LineageShare;
  event: LineageEventKind;
  ordinal: number;
}

/** How {@link UnitDirectory.carrierOf} walks: WHOLE hops only, or also the partial successor that continues a unit. */
export interface CarrierOptions {
  through: 'WHOLE' | 'ANY';
}

/** The read side of a jurisdiction check (`@antt/auth`'s `JurisdictionChecker` shape). */
export interface ReadJurisdiction {
  isWithin(unitId: string, ancestorUnitId: string, asOf: Date | string): Promise<boolean>;
}

interface EntryRow {
  unit_id: string;
  code: string;
  kind: string;
  name: string;
  parent_id: string | null;
  managing_unit_id: string | null;
  attributes: DirectoryAttributes | null;
  depth: number;
}

const MAX_DEPTH = 32;

const LIVE_ON = (alias: string, dateParam: string) =>
  `${alias}.valid_from <= ${dateParam}::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${dateParam}::date)`;

const toEntry = (row: EntryRow): DirectoryEntry => ({
  unitId: row.unit_id,
  code: row.code,
  kind: row.kind,
  name: row.name,
  parentId: row.parent_id,
  managingUnitId: row.managing_unit_id,
  attributes: row.attributes ?? {},
  depth: Number(row.depth),
});

/**
 * Answers questions about the unit tree as it stood on a date, from the service's own copy of it:
 * jurisdiction ("is this unit inside that one") and aggregation by level, without calling org-units.
 */
export class UnitDirectory {
  constructor(private readonly db: SqlClient) {}

  /** The unit on `asOf`, or null if it did not exist then. */
  async unitAt(unitId: string, asOf: Date | string): Promise<DirectoryEntry | null> {
    const rows = await this.db.$queryRawUnsafe<EntryRow[]>(
      `SELECT u.unit_id, COALESCE(v.code, u.code) AS code, u.kind, v.name, v.parent_id, v.managing_unit_id, v.attributes, 0 AS depth
       FROM directory_unit u JOIN directory_unit_version v ON v.unit_id = u.unit_id
       WHERE u.unit_id = $1::uuid AND ${LIVE_ON('v', '$2')}`,
      unitId,
      toIsoDate(asOf),
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** The unit's kind (one per unit: a reclassification makes a new unit), whatever the date; null if the directory never held it. */
  async kindOf(unitId: string): Promise<string | null> {
    const rows = await this.db.$queryRawUnsafe<Array<{ kind: string }>>(`SELECT kind FROM directory_unit WHERE unit_id = $1::uuid`, unitId);
    return rows[0]?.kind ?? null;
  }

  /** The kinds of several units in one statement (units the directory never held are absent from the map). */
  async kindsOf(unitIds: readonly string[]): Promise<Map<string, string>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<Array<{ unit_id: string; kind: string }>>(
      `SELECT unit_id::text, kind FROM directory_unit WHERE unit_id = ANY($1::uuid[])`,
      [...new Set(unitIds)],
    );
    return new Map(rows.map((row) => [row.unit_id, row.kind]));
  }

  /** Several units on `asOf` in one statement (those that did not exist then are absent from the map). */
  async unitsAt(unitIds: readonly string[], asOf: Date | string): Promise<Map<string, DirectoryEntry>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db.$queryRawUnsafe<EntryRow[]>(
      `SELECT u.unit_id, COALESCE(v.code, u.code) AS code, u.kind, v.name, v.parent_id, v.managing_unit_id, v.attributes, 0 AS depth
       FROM directory_unit u JOIN directory_unit_version v ON v.unit_id = u.unit_id
       WHERE u.unit_id = ANY($1::uuid[]) AND ${LIVE_ON('v', '$2')}`,
      [...new Set(unitIds)],
      toIsoDate(asOf),
    );
    return new Map(rows.map((row) => [row.unit_id, toEntry(row)]));
  }

  /**
   * The unit that held `code` on `asOf`, or null. Codes are dated: after a recode the old code names nothing and the new
   * one names the same unit; versions published before codes were dated answer with the unit's latest code.
   */
  async unitByCode(code: string, asOf: Date | string): Promise<DirectoryEntry | null> {
    const rows = await this.db.$queryRawUnsafe<EntryRow[]>(
      `SELECT u.unit_id, COALESCE(v.code, u.code) AS code, u.kind, v.name, v.parent_id, v.managing_unit_id, v.attributes, 0 AS depth
       FROM directory_unit_version v JOIN directory_unit u ON u.unit_id = v.unit_id
       WHERE ${LIVE_ON('v', '$2')} AND (v.code = $1 OR (v.code IS NULL AND u.code = $1))
       LIMIT 1`,
      code,
      toIsoDate(asOf),
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** The unit and its ancestors on `asOf`, nearest first (depth 0 is the unit itself). */
  async ancestorsOf(unitId: string, asOf: Date | string): Promise<DirectoryEntry[]> {
    const rows = await this.db.$queryRawUnsafe<EntryRow[]>(
      `WITH RECURSIVE up AS (
         SELECT v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, 0 AS depth
         FROM directory_unit_version v WHERE v.unit_id = $1::uuid AND ${LIVE_ON('v', '$2')}
         UNION ALL
         SELECT v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, up.depth + 1
         FROM up JOIN directory_unit_version v ON v.unit_id = up.parent_id AND ${LIVE_ON('v', '$2')}
         WHERE up.depth < ${MAX_DEPTH}
       )
       SELECT up.unit_id, COALESCE(up.code, u.code) AS code, u.kind, up.name, up.parent_id, up.managing_unit_id, up.attributes, up.depth
       FROM up JOIN directory_unit u ON u.unit_id = up.unit_id ORDER BY up.depth`,
      unitId,
      toIsoDate(asOf),
    );
    return rows.map(toEntry);
  }

  /**
   * {@link ancestorsOf} for several (unit, date) pairs in one statement, answers in the order of `keys`: an empty chain for a
   * unit that did not exist on its date. What a batch of per-unit jurisdiction or province checks reads (a DataLoader's fetch).
   */
  async ancestorsOfEach(keys: readonly UnitOnDate[]): Promise<DirectoryEntry[][]> {
    if (keys.length === 0) return [];
    const rows = await this.db.$queryRawUnsafe<Array<EntryRow & { ord: number }>>(
      `WITH RECURSIVE up AS (
         SELECT k.ord, k.as_of, v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, 0 AS depth
         FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS k(unit_id, as_of, ord)
         JOIN directory_unit_version v ON v.unit_id = k.unit_id AND ${LIVE_ON('v', 'k.as_of')}
         UNION ALL
         SELECT up.ord, up.as_of, v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, up.depth + 1
         FROM up JOIN directory_unit_version v ON v.unit_id = up.parent_id AND ${LIVE_ON('v', 'up.as_of')}
         WHERE up.depth < ${MAX_DEPTH}
       )
       SELECT up.ord::int AS ord, up.unit_id, COALESCE(up.code, u.code) AS code, u.kind, up.name, up.parent_id, up.managing_unit_id, up.attributes, up.depth
       FROM up JOIN directory_unit u ON u.unit_id = up.unit_id ORDER BY up.ord, up.depth`,
      keys.map((key) => key.unitId),
      keys.map((key) => toIsoDate(key.asOf)),
    );
    const chains: DirectoryEntry[][] = keys.map(() => []);
    for (const row of rows) chains[Number(row.ord) - 1]?.push(toEntry(row));
    return chains;
  }

  /** Whether `unitId` is `ancestorUnitId` or lies below it on `asOf`. Satisfies the auth kit's JurisdictionChecker. */
  async isWithin(unitId: string, ancestorUnitId: string, asOf: Date | string): Promise<boolean> {
    if (unitId === ancestorUnitId) return (await this.unitAt(unitId, asOf)) !== null;
    const ancestors = await this.ancestorsOf(unitId, asOf);
    return ancestors.some((entry) => entry.unitId === ancestorUnitId);
  }

  /** The nearest ancestor (or the unit itself) of one of `kinds` on `asOf`: "which commune was this village in, in 2024". */
  async ancestorOfKind(unitId: string, kinds: readonly string[], asOf: Date | string): Promise<DirectoryEntry | null> {
    const ancestors = await this.ancestorsOf(unitId, asOf);
    return ancestors.find((entry) => kinds.includes(entry.kind)) ?? null;
  }

  /** Every unit below `rootUnitId` on `asOf` (not the root itself), optionally only of some kinds, shallowest first. */
  async descendantsOf(rootUnitId: string, asOf: Date | string, kinds?: readonly string[]): Promise<DirectoryEntry[]> {
    const rows = await this.db.$queryRawUnsafe<EntryRow[]>(
      `WITH RECURSIVE down AS (
         SELECT v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, 1 AS depth
         FROM directory_unit_version v WHERE v.parent_id = $1::uuid AND ${LIVE_ON('v', '$2')}
         UNION ALL
         SELECT v.unit_id, v.code, v.name, v.parent_id, v.managing_unit_id, v.attributes, down.depth + 1
         FROM down JOIN directory_unit_version v ON v.parent_id = down.unit_id AND ${LIVE_ON('v', '$2')}
         WHERE down.depth < ${MAX_DEPTH}
       )
       SELECT down.unit_id, COALESCE(down.code, u.code) AS code, u.kind, down.name, down.parent_id, down.managing_unit_id, down.attributes, down.depth
       FROM down JOIN directory_unit u ON u.unit_id = down.unit_id
       WHERE $3::text[] IS NULL OR u.kind = ANY($3::text[])
       ORDER BY down.depth, 2`,
      rootUnitId,
      toIsoDate(asOf),
      kinds ? [...kinds] : null,
    );
    return rows.map(toEntry);
  }

  /**
   * The first date of [from, to] on which `unitId` is not `ancestorUnitId` or below it, or null when it is on every date.
   * The answer can only change where a version of a unit on the current chain of ancestors starts or ends, so the chain is
   * checked on `from` and then from one such boundary to the next: a command that reaches a whole period is checked on every
   * date it touches, not only the first.
   */
  async firstDateOutside(unitId: string, ancestorUnitId: string, from: string, to: string): Promise<string | null> {
    let date = toIsoDate(from);
    const last = toIsoDate(to);
    for (;;) {
      const chain = await this.ancestorsOf(unitId, date);
      if (!chain.some((entry) => entry.unitId === ancestorUnitId)) return date;
      const rows = await this.db.$queryRawUnsafe<Array<{ next: Date | string | null }>>(
        `SELECT min(d) AS next FROM (
           SELECT valid_from AS d FROM directory_unit_version WHERE unit_id = ANY($1::uuid[]) AND valid_from > $2::date
           UNION ALL SELECT valid_to FROM directory_unit_version WHERE unit_id = ANY($1::uuid[]) AND valid_to > $2::date
         ) boundaries WHERE d <= $3::date`,
        chain.map((entry) => entry.unitId),
        date,
        last,
      );
      const next = rows[0]?.next;
      if (next === null || next === undefined) return null;
      date = toIsoDate(next);
    }
  }

  /**
   * Lineage over every generation (same rule as org-units' `lineageAcross`). `origins`: walking back through the hops dated
   * after `asOf`, the units alive on `asOf` that went (whole or in part) into `unitId`. `successors`: walking forward
   * through the hops dated on or before `asOf`, the units alive on `asOf` that `unitId` went into. Nearest first, then by
   * code. Empty until the directory holds lineage (see the README: a directory is rebuilt by a replay).
   */
  private async lineageAcross(unitId: string, direction: 'origins' | 'successors', asOf: Date | string): Promise<LineageRelative[]> {
    const back = direction === 'origins';
    const [near, far, dated] = back ? ['to_unit_id', 'from_unit_id', '>'] : ['from_unit_id', 'to_unit_id', '<='];
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string; partial: boolean; generations: number; effective: string }>>(
      `WITH RECURSIVE walk(id, partial, generations, effective, path) AS (
         SELECT $1::uuid, false, 0, NULL::date, ARRAY[$1::uuid]
         UNION ALL
         SELECT l.${far}, walk.partial OR l.share = 'PARTIAL', walk.generations + 1, COALESCE(walk.effective, l.effective_date), walk.path || l.${far}
         FROM walk JOIN directory_unit_lineage l ON l.${near} = walk.id
         WHERE walk.generations < ${MAX_DEPTH} AND l.effective_date ${dated} $2::date AND NOT l.${far} = ANY(walk.path)
       )
       SELECT w.id::text AS id, bool_and(w.partial) AS partial, min(w.generations)::int AS generations, to_char(min(w.effective), 'YYYY-MM-DD') AS effective
       FROM walk w JOIN directory_unit u ON u.unit_id = w.id JOIN directory_unit_version v ON v.unit_id = w.id AND ${LIVE_ON('v', '$2')}
       WHERE w.generations > 0
       GROUP BY w.id, COALESCE(v.code, u.code)
       ORDER BY min(w.generations), COALESCE(v.code, u.code)`,
      unitId,
      toIsoDate(asOf),
    );
    return rows.map((row) => ({ unitId: row.id, share: row.partial ? 'PARTIAL' : 'WHOLE', generations: Number(row.generations), effectiveDate: row.effective }));
  }

  /** The units alive on `asOf` that `unitId` went into (whole or in part) on or before `asOf`, over every generation. */
  successorsOf(unitId: string, asOf: Date | string): Promise<LineageRelative[]> {
    return this.lineageAcross(unitId, 'successors', asOf);
  }

  /** The units alive on `asOf` that went (whole or in part) into `unitId` after `asOf`, over every generation. */
  originsOf(unitId: string, asOf: Date | string): Promise<LineageRelative[]> {
    return this.lineageAcross(unitId, 'origins', asOf);
  }

  /**
   * The units alive on `asOf` that went WHOLE into `unitId` after `asOf` (merged, reclassified; over every generation):
   * "whose past does `unitId` carry on `asOf`". Thái Bình on 2024-06-01 for Hưng Yên; nothing on 2025-07-01 or later.
   */
  async absorbedInto(unitId: string, asOf: Date | string): Promise<LineageRelative[]> {
    return (await this.originsOf(unitId, asOf)).filter((origin) => origin.share === 'WHOLE');
  }

  /**
   * Every unit merged WHOLE into `unitId` (over every generation, each hop WHOLE) by hops dated on or before `upTo`, whether
   * or not it still existed on some date: "what has Hưng Yên absorbed by 2025-08-01" (Thái Bình, and what Thái Bình had
   * absorbed before). Nearest first, then latest hop first.
   */
  async mergedInto(unitId: string, upTo: Date | string): Promise<LineageRelative[]> {
    const rows = await this.db.$queryRawUnsafe<Array<{ id: string; generations: number; effective: string }>>(
      `WITH RECURSIVE walk(id, generations, effective, path) AS (
         SELECT $1::uuid, 0, NULL::date, ARRAY[$1::uuid]
         UNION ALL
         SELECT l.from_unit_id, walk.generations + 1, COALESCE(walk.effective, l.effective_date), walk.path || l.from_unit_id
         FROM walk JOIN directory_unit_lineage l ON l.to_unit_id = walk.id
         WHERE walk.generations < ${MAX_DEPTH} AND l.share = 'WHOLE' AND l.effective_date <= $2::date AND NOT l.from_unit_id = ANY(walk.path)
       )
       SELECT id::text AS id, min(generations)::int AS generations, to_char(max(effective), 'YYYY-MM-DD') AS effective
       FROM walk WHERE generations > 0 GROUP BY id ORDER BY min(generations), max(effective) DESC, id`,
      unitId,
      toIsoDate(upTo),
    );
    return rows.map((row) => ({ unitId: row.id, share: 'WHOLE', generations: Number(row.generations), effectiveDate: row.effective }));
  }

  /**
   * The roots a READ by the staff of `rootUnitId` on `asOf` reaches: the unit itself, then the units that went WHOLE into
   * it after `asOf`. Never use it for writes.
   */
  async readRootsOf(rootUnitId: string, asOf: Date | string): Promise<string[]> {
    return [rootUnitId, ...(await this.absorbedInto(rootUnitId, asOf)).map((origin) => origin.unitId)];
  }

  /**
   * {@link isWithin} for READS (org-units' rule, its `UnitJurisdictionChecker`): a jurisdiction inherits the past of the
   * units that went WHOLE into its unit, so on a date before the merge Hưng Yên's staff read inside Thái Bình. Writes never
   * inherit: check them with {@link isWithin} / {@link firstDateOutside}.
   */
  async isWithinForRead(unitId: string, rootUnitId: string, asOf: Date | string): Promise<boolean> {
    if (await this.isWithin(unitId, rootUnitId, asOf)) return true;
    const inherited = await this.absorbedInto(rootUnitId, asOf);
    if (inherited.length === 0) return false;
    const chain = new Set((await this.ancestorsOf(unitId, asOf)).map((entry) => entry.unitId));
    return inherited.some((origin) => chain.has(origin.unitId));
  }

  /** {@link isWithinForRead} as a `JurisdictionChecker` of `@antt/auth`, for read paths only. */
  readJurisdiction(): ReadJurisdiction {
    return { isWithin: (unitId, ancestorUnitId, asOf) => this.isWithinForRead(unitId, ancestorUnitId, asOf) };
  }

  /** The hops out of `unitId` the directory holds, latest first; within one date WHOLE first, then in the event's order. */
  async lineageFrom(unitId: string): Promise<LineageLink[]> {
    const rows = await this.db.$queryRawUnsafe<Array<{ to_unit_id: string; effective_date: string; share: LineageShare; event: LineageEventKind; ordinal: number }>>(
      `SELECT to_unit_id::text, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, share, event, ordinal
       FROM directory_unit_lineage WHERE from_unit_id = $1::uuid
       ORDER BY effective_date DESC, (share = 'WHOLE') DESC, ordinal, to_unit_id`,
      unitId,
    );
    return rows.map((row) => ({ toUnitId: row.to_unit_id, effectiveDate: row.effective_date, share: row.share, event: row.event, ordinal: Number(row.ordinal) }));
  }

  /**
   * The hop that CONTINUES a unit that ceased to exist, or null (alive, dissolved without successor, or no lineage held).
   * Rule (documented in the README): of the hops of the unit's last lineage date, the WHOLE one (merge, reclassification);
   * else, with `through: 'ANY'`, the first successor the event named (a split's first part; org-units' payloads carry no
   * shares, so "the largest part" cannot be known). A unit that survives a split or a transfer continues itself.
   */
  async continuationOf(unitId: string, options: CarrierOptions = { through: 'WHOLE' }): Promise<LineageLink | null> {
    const rows = await this.db.$queryRawUnsafe<Array<{ dissolved_on: string | null }>>(
      `SELECT to_char(dissolved_on, 'YYYY-MM-DD') AS dissolved_on FROM directory_unit WHERE unit_id = $1::uuid`,
      unitId,
    );
    const links = await this.lineageFrom(unitId);
    const last = links[0];
    if (!last) return null;
    const dissolvedOn = rows[0]?.dissolved_on ?? null;
    // Only hops of the day it ceased to exist continue it (an earlier transfer does not). Without a dissolution date held
    // (its own event not applied yet), a WHOLE hop still says it is gone.
    if (dissolvedOn === null ? last.share !== 'WHOLE' : last.effectiveDate !== dissolvedOn) return null;
    const sameDate = links.filter((link) => link.effectiveDate === last.effectiveDate);
    const whole = sameDate.find((link) => link.share === 'WHOLE');
    if (whole) return whole;
    return options.through === 'ANY' ? (sameDate[0] ?? null) : null;
  }

  /**
   * The unit that carries `unitId` on `asOf`: the unit itself while it exists, else the unit its {@link continuationOf}
   * leads to over generations (hops dated on or before `asOf`), as it stood on `asOf`; null when nothing carries it
   * (dissolved without successor, split with `through: 'WHOLE'`, or not existing yet). "Which unit is Thái Bình's scope on
   * 2025-08-01": Hưng Yên.
   */
  async carrierOf(unitId: string, asOf: Date | string, options: CarrierOptions = { through: 'WHOLE' }): Promise<DirectoryEntry | null> {
    const date = toIsoDate(asOf);
    const seen = new Set<string>();
    let current = unitId;
    for (let hops = 0; hops <= MAX_DEPTH && !seen.has(current); hops += 1) {
      seen.add(current);
      const entry = await this.unitAt(current, date);
      if (entry) return entry;
      const next = await this.continuationOf(current, options);
      if (!next || next.effectiveDate > date) return null;
      current = next.toUnitId;
    }
    return null;
  }

  /** The revision held for a unit, or null when the directory has never heard of it. */
  async revisionOf(unitId: string): Promise<number | null> {
    const rows = await this.db.$queryRawUnsafe<Array<{ revision: number }>>(
      `SELECT revision FROM directory_unit WHERE unit_id = $1::uuid`,
      unitId,
    );
    return rows[0] ? Number(rows[0].revision) : null;
  }
}
