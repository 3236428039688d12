import { toIsoDate } from './dates';
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

  /** The revision held for a unit, or null when the directory has never heard of it. */
  async revisionOf(unitId: string): Promise<number | null> {
    const rows = await this.db.$queryRawUnsafe<Array<{ revision: number }>>(
      `SELECT revision FROM directory_unit WHERE unit_id = $1::uuid`,
      unitId,
    );
    return rows[0] ? Number(rows[0].revision) : null;
  }
}
