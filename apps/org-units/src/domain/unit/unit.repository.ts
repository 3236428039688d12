import { appendToOutbox, isPgTransactionConflict, type NewEvent, pgTransaction } from '@antt/events';
import { isUuid } from '@antt/service-kit';
import { type EventContract } from '@antt/contracts';
import { type Pool } from 'pg';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { type RawSql, withTemplates } from '../../infrastructure/raw-sql';
import { once } from '../shared/once';
import { assertCodesUnique, codesGained, codeSpans, lockCodes } from './unit-code.repository';
import { closureChangedFrom, parentSpans, rebuildUnitClosure } from './unit-closure.repository';
import { type SubtreeScope, type UnitListFilter } from './unit-query.types';
import { attributesFromRow, type ViewRow, viewFromRow } from './unit-rows';
import { sameState } from './timeline';
import { kindLevel, likeContains, likePrefix, likeWordStarts, liveOn, slimUnitsCte, VIEW_COLUMNS } from './unit-tree.sql';
import {
  type LineageEventKind,
  type LineageLink,
  type LineageRelative,
  type LineageShare,
  type PageRequest,
  type UnitKind,
  type UnitLineage,
  type UnitRecord,
  type UnitPage,
  type UnitVersion,
  type UnitView,
} from './unit.types';

type Db = RawSql;

/** A period [from, to): `to` exclusive, null while open-ended. */
export interface DatedInterval {
  from: string;
  to: string | null;
}

/** Stands for "no end" inside interval arithmetic in SQL; later than any date the service accepts. */
const OPEN_END = '9999-12-31';

/** An audit row: who changed what, effective when, and why. */
export interface UnitChangeEntry {
  unitId: string;
  type: string;
  effectiveDate: string;
  actor: string;
  at: Date;
  reason: string | null;
  correction: boolean;
  revision: number;
  details: Record<string, unknown>;
}

export interface LineageEntry {
  event: LineageEventKind;
  share: LineageShare;
  /** The reorganisation plan that recorded it. */
  planId?: string;
  predecessorId: string;
  successorId: string;
  effectiveDate: string;
}

const EVENT_SOURCE = 'org-units';
const TRANSACTION_OPTIONS = { timeout: 60_000, maxWait: 10_000 } as const;

/** Rows per statement of a bulk write: one statement per chunk keeps each message to PostgreSQL a few megabytes. */
const BULK_ROWS = 5000;

interface RecordRow {
  id: string;
  code: string;
  kind: UnitKind;
  createdOn: string;
  dissolvedOn: string | null;
  revision: number;
}

interface VersionRow {
  unitId: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  name: string;
  parentId: string | null;
  managingUnitId: string | null;
  enterpriseSize: UnitVersion['attributes']['enterpriseSize'];
  schoolLevel: UnitVersion['attributes']['schoolLevel'];
  armedForces: boolean | null;
  residentHouseholds: number | null;
  staffCount: number | null;
  communeType: UnitVersion['attributes']['communeType'];
}

function recordsFromRows(units: readonly RecordRow[], versions: readonly VersionRow[]): UnitRecord[] {
  const timelines = new Map<string, UnitVersion[]>();
  for (const v of versions) {
    let timeline = timelines.get(v.unitId);
    if (!timeline) timelines.set(v.unitId, (timeline = []));
    timeline.push(storedVersion(v));
  }
  return units.map((u) => ({ ...u, timeline: timelines.get(u.id) ?? [] }));
}

/** A version of a unit, as written to unit_version. */
interface VersionWrite {
  record: UnitRecord;
  version: UnitVersion;
}

/** Every version of `records`. */
function versionsOf(records: readonly UnitRecord[]): VersionWrite[] {
  return records.flatMap((record) => record.timeline.map((version) => ({ record, version })));
}

/**
 * The columns of `unit_version` but its kind, one array per column for a multi-row `unnest` ($1–$14 of both statements
 * below): unit, code, start, end, name, search name, parent, managing unit, then the six attributes.
 */
function versionColumns(chunk: readonly VersionWrite[], fold: (name: string) => string): unknown[][] {
  const col = <T>(pick: (row: VersionWrite) => T) => chunk.map(pick);
  return [
    col((r) => r.record.id),
    col((r) => r.version.code),
    col((r) => r.version.validFrom),
    col((r) => r.version.validTo),
    col((r) => r.version.name),
    col((r) => fold(r.version.name)),
    col((r) => r.version.parentId),
    col((r) => r.version.managingUnitId),
    col((r) => r.version.attributes.enterpriseSize),
    col((r) => r.version.attributes.schoolLevel),
    col((r) => r.version.attributes.armedForces),
    col((r) => r.version.attributes.residentHouseholds),
    col((r) => r.version.attributes.staffCount),
    col((r) => r.version.attributes.communeType),
  ];
}

/** The `unnest` of {@link versionColumns} as `t`, with the units' kinds as $15 when `withKind`. */
const versionUnnest = (withKind: boolean) => `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[],
         $9::text[], $10::text[], $11::boolean[], $12::int[], $13::int[], $14::text[]${withKind ? ', $15::text[]' : ''})
         AS t(unit_id, code, valid_from, valid_to, name, search_name, parent_id, managing_unit_id, enterprise_size,
           school_level, armed_forces, resident_households, staff_count, commune_type${withKind ? ', kind' : ''})`;

/** Versions in multi-row `unnest` inserts (Prisma's createMany of 200,000 rows takes minutes). */
async function insertVersions(tx: RawSql, rows: readonly VersionWrite[], fold: (name: string) => string): Promise<void> {
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const chunk = rows.slice(start, start + BULK_ROWS);
    await tx.$executeRawUnsafe(
      `INSERT INTO unit_version (unit_id, code, kind, valid_from, valid_to, name, search_name, parent_id, managing_unit_id,
         enterprise_size, school_level, armed_forces, resident_households, staff_count, commune_type)
       SELECT t.unit_id, t.code, t.kind::"UnitKind", t.valid_from::date, t.valid_to::date, t.name, t.search_name, t.parent_id,
         t.managing_unit_id, t.enterprise_size::"EnterpriseSize", t.school_level::"SchoolLevel", t.armed_forces,
         t.resident_households, t.staff_count, t.commune_type::"CommuneType"
       FROM ${versionUnnest(true)}`,
      ...versionColumns(chunk, fold),
      chunk.map((r) => r.record.kind),
    );
  }
}

/**
 * Rewrites stored versions in place, found by their key (unit, start): every column but the key from `rows`, in
 * multi-row `unnest` updates.
 */
async function updateVersions(tx: RawSql, rows: readonly VersionWrite[], fold: (name: string) => string): Promise<void> {
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const chunk = rows.slice(start, start + BULK_ROWS);
    const updated = await tx.$executeRawUnsafe(
      `UPDATE unit_version v SET code = t.code, valid_to = t.valid_to::date, name = t.name, search_name = t.search_name,
         parent_id = t.parent_id, managing_unit_id = t.managing_unit_id, enterprise_size = t.enterprise_size::"EnterpriseSize",
         school_level = t.school_level::"SchoolLevel", armed_forces = t.armed_forces, resident_households = t.resident_households,
         staff_count = t.staff_count, commune_type = t.commune_type::"CommuneType"
       FROM ${versionUnnest(false)}
       WHERE v.unit_id = t.unit_id AND v.valid_from = t.valid_from::date`,
      ...versionColumns(chunk, fold),
    );
    if (updated !== chunk.length) throw new Error(`${chunk.length - updated} stored version(s) vanished while their units were locked`);
  }
}

/** Deletes the stored versions (unit, start) given. */
async function deleteVersions(tx: RawSql, keys: readonly { unitId: string; validFrom: string }[]): Promise<void> {
  for (let start = 0; start < keys.length; start += BULK_ROWS) {
    const chunk = keys.slice(start, start + BULK_ROWS);
    await tx.$executeRaw`
      DELETE FROM unit_version v USING unnest(${chunk.map((k) => k.unitId)}::text[]::uuid[], ${chunk.map((k) => k.validFrom)}::text[]::date[])
        AS t(unit_id, valid_from)
      WHERE v.unit_id = t.unit_id AND v.valid_from = t.valid_from`;
  }
}

/** The state a stored version row holds, to compare with a version of a timeline. */
function storedVersion(row: VersionRow): UnitVersion {
  return {
    code: row.code,
    validFrom: row.validFrom,
    validTo: row.validTo,
    name: row.name,
    parentId: row.parentId,
    managingUnitId: row.managingUnitId,
    attributes: attributesFromRow(row),
  };
}

/** Filters on the `slim` rows: kinds, and every folded name term. */
function baseConditions(kinds: readonly UnitKind[] | null | undefined, terms: readonly string[] | null | undefined): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (kinds && kinds.length > 0) conditions.push(Prisma.sql`kind = ANY(${[...kinds]}::text[])`);
  for (const term of terms ?? []) conditions.push(Prisma.sql`"searchName" LIKE ${likeContains(term)}`);
  return conditions;
}


function latestCode(record: UnitRecord): string {
  return record.timeline[record.timeline.length - 1]?.code ?? record.code;
}

function spansKey(versions: readonly { code: string; validFrom: string; validTo: string | null }[]): string {
  return codeSpans(versions).map((span) => `${span.code}|${span.from}|${span.to ?? ''}`).join();
}

/** Attempts of one command whose transaction PostgreSQL aborted in favour of a concurrent one. */
const TRANSACTION_ATTEMPTS = 5;

/**
 * PostgreSQL aborted the transaction because of a concurrent one: deadlock (40P01) or serialization failure (40001).
 * Prisma reports them as P2034 from model queries and as P2010 (raw query failed) from `$queryRaw`.
 */
function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2034') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown; originalCode?: unknown } } | undefined)?.cause;
  return cause?.kind === 'TransactionWriteConflict' || cause?.originalCode === '40P01' || cause?.originalCode === '40001';
}

/** Reads of the unit tree. Every read that answers "as of" takes the date explicitly. */
export class UnitReader {
  constructor(
    protected readonly db: Db,
    protected readonly fold: (name: string) => string,
  ) {}

  /** Whole records in two statements whatever their number (a national plan locks about 100,000). */
  async findRecords(ids: readonly string[]): Promise<UnitRecord[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    // One after the other: inside a transaction both share one connection.
    const units = await this.db.$queryRaw<RecordRow[]>`
        SELECT id::text AS id, code, kind::text AS kind, created_on::text AS "createdOn", dissolved_on::text AS "dissolvedOn", revision
        FROM unit WHERE id = ANY(${unique}::text[]::uuid[])`;
    return recordsFromRows(units, await this.versionRows(unique));
  }

  /** Every stored version of `ids`, by unit and start. */
  protected async versionRows(ids: readonly string[]): Promise<VersionRow[]> {
    return await this.db.$queryRaw<VersionRow[]>`
        SELECT unit_id::text AS "unitId", code, valid_from::text AS "validFrom", valid_to::text AS "validTo", name,
          parent_id::text AS "parentId", managing_unit_id::text AS "managingUnitId", enterprise_size::text AS "enterpriseSize",
          school_level::text AS "schoolLevel", armed_forces AS "armedForces", resident_households AS "residentHouseholds",
          staff_count AS "staffCount", commune_type::text AS "communeType"
        FROM unit_version WHERE unit_id = ANY(${[...ids]}::text[]::uuid[]) ORDER BY unit_id, valid_from`;
  }

  /** The unit holding `code` on `asOf`: at most one (codes are unique per date). */
  async findIdByCodeOn(code: string, asOf: string): Promise<string | null> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT unit_id::text AS id FROM unit_version v WHERE v.code = ${code} AND ${liveOn('v', asOf)} LIMIT 1`;
    return rows[0]?.id ?? null;
  }

  /** Whether a unit other than `exceptUnitId` holds `code` on some date of [from, to) (to null = open-ended). */
  async codeHeldByAnother(code: string, exceptUnitId: string | null, from: string, to: string | null): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT unit_id::text AS id FROM unit_version v
      WHERE v.code = ${code} AND (${exceptUnitId}::uuid IS NULL OR v.unit_id <> ${exceptUnitId}::uuid)
        AND (v.valid_to IS NULL OR v.valid_to > ${from}::date) AND (${to}::date IS NULL OR v.valid_from < ${to}::date)
      LIMIT 1`;
    return rows.length > 0;
  }

  /** Parent, grandparent, … up to the root, as of `asOf` (the unit itself excluded). */
  async ancestorIds(unitId: string, asOf: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up(id, depth) AS (
        SELECT v.parent_id, 1 FROM unit_version v WHERE v.unit_id = ${unitId}::uuid AND ${liveOn('v', asOf)} AND v.parent_id IS NOT NULL
        UNION ALL
        SELECT v.parent_id, up.depth + 1 FROM up JOIN unit_version v ON v.unit_id = up.id
        WHERE ${liveOn('v', asOf)} AND v.parent_id IS NOT NULL AND up.depth < 64
      )
      SELECT id::text AS id FROM up ORDER BY depth`;
    return rows.map((row) => row.id);
  }

  /** Which of `ids` are one of `rootIds` or lie under one on `asOf`: one walk up for the whole batch. */
  async idsWithinSubtree(ids: readonly string[], rootIds: string | readonly string[], asOf: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const roots = typeof rootIds === 'string' ? [rootIds] : [...rootIds];
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up(start_id, id, depth) AS (
        SELECT s, s, 0 FROM unnest(${[...ids]}::text[]::uuid[]) AS s
        UNION ALL
        SELECT up.start_id, v.parent_id, up.depth + 1 FROM up JOIN unit_version v ON v.unit_id = up.id
        WHERE ${liveOn('v', asOf)} AND v.parent_id IS NOT NULL AND up.id <> ALL(${roots}::text[]::uuid[]) AND up.depth < 64
      )
      SELECT DISTINCT start_id::text AS id FROM up WHERE id = ANY(${roots}::text[]::uuid[])`;
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The parts of [from, to) (to null = open-ended) during which `unitId` is `rootId` or lies below it, in date order.
   * The walk goes up through every version overlapping the period, so a move of the unit or of any ancestor splits
   * the period where it happens; a part that reaches a top unit other than `rootId` is outside.
   */
  async withinIntervals(unitId: string, rootId: string, from: string, to: string | null): Promise<DatedInterval[]> {
    const rows = await this.db.$queryRaw<{ lo: string; hi: string }[]>`
      WITH RECURSIVE up(node, lo, hi, depth) AS (
        SELECT ${unitId}::uuid, ${from}::date, COALESCE(${to}::date, ${OPEN_END}::date), 0
        UNION ALL
        SELECT v.parent_id, GREATEST(up.lo, v.valid_from), LEAST(up.hi, COALESCE(v.valid_to, ${OPEN_END}::date)), up.depth + 1
        FROM up JOIN unit_version v ON v.unit_id = up.node
        WHERE up.node <> ${rootId}::uuid AND v.parent_id IS NOT NULL AND up.depth < 64
          AND v.valid_from < up.hi AND (v.valid_to IS NULL OR v.valid_to > up.lo)
      )
      SELECT lo::text AS lo, hi::text AS hi FROM up WHERE node = ${rootId}::uuid AND lo < hi ORDER BY lo`;
    const merged: DatedInterval[] = [];
    for (const row of rows) {
      const rowTo = row.hi === OPEN_END ? null : row.hi;
      const last = merged[merged.length - 1];
      if (last && last.to !== null && last.to >= row.lo) {
        if (rowTo === null || rowTo > last.to) last.to = rowTo;
      } else {
        merged.push({ from: row.lo, to: rowTo });
      }
    }
    return merged;
  }

  /** Units whose parent is `parentId` in some period that has not ended by `from`. */
  async childIdsLiveFrom(parentIds: readonly string[], from: string): Promise<string[]> {
    if (parentIds.length === 0) return [];
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT v.unit_id::text AS id FROM unit_version v
      WHERE v.parent_id = ANY(${[...parentIds]}::text[]::uuid[]) AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)`;
    return rows.map((row) => row.id);
  }

  /** Units managed by one of `unitIds` in some period that has not ended by `from`. */
  async managedIdsLiveFrom(unitIds: readonly string[], from: string): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT v.unit_id::text AS id FROM unit_version v
      WHERE v.managing_unit_id = ANY(${[...unitIds]}::text[]::uuid[]) AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)`;
    return rows.map((row) => row.id);
  }

  /** Every unit below `unitId` in some period that has not ended by `from` (for a cascading dissolution). */
  async descendantIdsLiveFrom(unitId: string, from: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE down(id) AS (
        SELECT v.unit_id FROM unit_version v WHERE v.parent_id = ${unitId}::uuid AND (v.valid_to IS NULL OR v.valid_to > ${from}::date)
        UNION
        SELECT v.unit_id FROM unit_version v JOIN down d ON v.parent_id = d.id WHERE v.valid_to IS NULL OR v.valid_to > ${from}::date
      )
      SELECT id::text AS id FROM down`;
    return rows.map((row) => row.id);
  }

  /**
   * A page of units on `filter.asOf`, ordered by code, optionally restricted to a subtree. Nothing is queried until the
   * rows or the count are asked for, each at most once.
   */
  async listPage(filter: UnitListFilter, scope: SubtreeScope | null, page: PageRequest): Promise<UnitPage> {
    const { asOf } = filter;
    // Compared as uuid so that the children of a unit are found through the parent_id index; no unit has a parent
    // whose id is not a uuid.
    if (filter.parentId && !isUuid(filter.parentId)) return { rows: async () => ({ nodes: [], hasNextPage: false }), totalCount: async () => 0 };
    const conditions = baseConditions(filter.kinds, filter.nameTerms);
    if (filter.hideArmedForces) conditions.push(notArmedForces(asOf));
    if (filter.parentId) conditions.push(Prisma.sql`"parentId" = ${filter.parentId}::uuid`);
    const slim = slimUnitsCte(scope, asOf, Boolean(filter.parentId) || (filter.nameTerms?.length ?? 0) > 0);
    const matched = Prisma.join(conditions, ' AND ');
    const after = page.afterCode === null ? Prisma.empty : Prisma.sql`AND code > ${page.afterCode}::text`;
    return {
      rows: once(async () => {
        const rows = await this.db.$queryRaw<ViewRow[]>`
          WITH ${slim},
          page AS (SELECT node_id, code FROM slim WHERE ${matched} ${after} ORDER BY code LIMIT ${page.first + 1})
          SELECT ${VIEW_COLUMNS}
          FROM page p JOIN unit u ON u.id = p.node_id JOIN unit_version v ON v.unit_id = p.node_id AND ${liveOn('v', asOf)}
          ORDER BY p.code`;
        return { nodes: rows.slice(0, page.first).map((row) => viewFromRow(row, asOf)), hasNextPage: rows.length > page.first };
      }),
      totalCount: once(async () => {
        const [count] = await this.db.$queryRaw<{ total: number }[]>`
          WITH ${slim} SELECT count(*)::int AS total FROM slim WHERE ${matched}`;
        return count?.total ?? 0;
      }),
    };
  }

  /**
   * Units whose folded name holds the words of the search at word starts, in order ("hung yen" finds "Tỉnh Hưng Yên",
   * not "Huyện Hưng Hà" through the "yen" of "huyen"). Best first: the exact name, then names starting with the text,
   * then the higher level (province, district, commune, residential area, other kinds), then the words as one phrase,
   * shorter names, code. See ADR 0007.
   */
  async search(
    terms: readonly string[],
    phrase: string,
    asOf: string,
    kinds: readonly UnitKind[] | null,
    scope: SubtreeScope | null,
    first: number,
    hideArmedForces = false,
  ): Promise<UnitView[]> {
    const conditions = baseConditions(kinds, null);
    if (hideArmedForces) conditions.push(notArmedForces(asOf));
    conditions.push(Prisma.sql`' ' || "searchName" LIKE ${likeWordStarts(terms)}`);
    // Ranked on the slim rows; only the `first` kept are fetched whole.
    const rows = await this.db.$queryRaw<ViewRow[]>`
      WITH ${slimUnitsCte(scope, asOf, true)},
      found AS (
        SELECT node_id, code, "searchName" = ${phrase} AS exact, "searchName" LIKE ${likePrefix(phrase)} AS prefix,
          ${kindLevel(Prisma.raw('kind'))} AS level, ' ' || "searchName" LIKE ${likeWordStarts([phrase])} AS phrase_match,
          length("searchName") AS name_length
        FROM slim WHERE ${Prisma.join(conditions, ' AND ')}
        ORDER BY exact DESC, prefix DESC, level, phrase_match DESC, name_length, code
        LIMIT ${first}
      )
      SELECT ${VIEW_COLUMNS}
      FROM found f JOIN unit u ON u.id = f.node_id JOIN unit_version v ON v.unit_id = f.node_id AND ${liveOn('v', asOf)}
      ORDER BY f.exact DESC, f.prefix DESC, f.level, f.phrase_match DESC, f.name_length, f.code`;
    return rows.map((row) => viewFromRow(row, asOf));
  }

  async lineage(unitId: string): Promise<UnitLineage> {
    const rows = await this.db.$queryRaw<{ event: LineageEventKind; share: LineageShare; effectiveDate: string; predecessorId: string; successorId: string }[]>`
      SELECT event::text AS event, share::text AS share, effective_date::text AS "effectiveDate",
        predecessor_id::text AS "predecessorId", successor_id::text AS "successorId"
      FROM unit_lineage WHERE predecessor_id = ${unitId}::uuid OR successor_id = ${unitId}::uuid
      ORDER BY effective_date`;
    const link = (row: (typeof rows)[number], other: string): LineageLink => ({
      event: row.event,
      share: row.share,
      effectiveDate: row.effectiveDate,
      unitId: other,
    });
    return {
      predecessors: rows.filter((r) => r.successorId === unitId).map((r) => link(r, r.predecessorId)),
      successors: rows.filter((r) => r.predecessorId === unitId).map((r) => link(r, r.successorId)),
    };
  }

  /**
   * Lineage over every generation. `origins`: walking back through the hops dated after `asOf`, the units that existed on
   * `asOf` and went (whole or in part) into `unitId`. `successors`: walking forward through the hops dated on or before
   * `asOf`, the units alive on `asOf` that `unitId` went into; nearest first, then by code. WHOLE when some way between
   * the two is whole at every hop (a unit that went partly through one successor and the rest directly went whole).
   */
  async lineageAcross(unitId: string, direction: 'origins' | 'successors', asOf: string): Promise<LineageRelative[]> {
    const back = direction === 'origins';
    const rows = await this.db.$queryRaw<{ id: string; partial: boolean; generations: number; effective: string }[]>`
      WITH RECURSIVE walk(id, partial, generations, effective, path) AS (
        SELECT ${unitId}::uuid, false, 0, NULL::date, ARRAY[${unitId}::uuid]
        UNION ALL
        SELECT CASE WHEN ${back} THEN l.predecessor_id ELSE l.successor_id END,
          walk.partial OR l.share = 'PARTIAL', walk.generations + 1, COALESCE(walk.effective, l.effective_date),
          walk.path || CASE WHEN ${back} THEN l.predecessor_id ELSE l.successor_id END
        FROM walk JOIN unit_lineage l ON (CASE WHEN ${back} THEN l.successor_id ELSE l.predecessor_id END) = walk.id
        WHERE walk.generations < 32
          AND (CASE WHEN ${back} THEN l.effective_date > ${asOf}::date ELSE l.effective_date <= ${asOf}::date END)
          AND NOT (CASE WHEN ${back} THEN l.predecessor_id ELSE l.successor_id END) = ANY(walk.path)
      )
      SELECT w.id::text AS id, bool_and(w.partial) AS partial, min(w.generations)::int AS generations, min(w.effective)::text AS effective
      FROM walk w JOIN unit_version v ON v.unit_id = w.id AND ${liveOn('v', asOf)}
      WHERE w.generations > 0
      GROUP BY w.id, v.code
      ORDER BY min(w.generations), v.code`;
    return rows.map((row) => ({
      unitId: row.id,
      share: row.partial ? 'PARTIAL' : 'WHOLE',
      generations: row.generations,
      effectiveDate: row.effective,
    }));
  }
}

/** Reads and writes inside one interactive transaction, outbox included. */
export class UnitTransaction extends UnitReader {
  /** Units whose parents or life span this transaction changed: their subtrees' closure rows are rebuilt at the end. */
  private readonly placementsChanged = new Set<string>();
  /** Units whose code changed in place: their own closure rows (which copy the code) are rebuilt at the end. */
  private readonly codesChanged = new Set<string>();
  /**
   * The earliest date from which a unit of either set changed its parents, life span or code (null: none yet): the
   * closure rows ending on or before it stay as they are ({@link rebuildUnitClosure} `from`).
   */
  private closureFrom: string | null = null;
  /**
   * What unit_version holds for a unit this transaction locked or wrote, kept as a copy: the units are locked and their
   * versions written only through this class, so {@link saveRecords} need not read them again.
   */
  private readonly storedVersions = new Map<string, UnitVersion[]>();

  /**
   * Units that took a code on some date: checked once all the writes are done, since a plan creates the unit that reuses
   * a code before it closes the timeline of the unit that gives it up.
   */
  private readonly codesToCheck = new Set<string>();

  constructor(
    private readonly tx: RawSql,
    fold: (name: string) => string,
  ) {
    super(tx, fold);
  }

  /** The transaction's client, for another repository of the service that must write in the same transaction. */
  get client(): RawSql {
    return this.tx;
  }

  /**
   * Locks the units (in id order, so that concurrent commands cannot deadlock) and returns their current state: the
   * units read by the locking statement itself, then their versions.
   */
  async lockRecords(ids: readonly string[]): Promise<Map<string, UnitRecord>> {
    const unique = [...new Set(ids)].sort();
    if (unique.length === 0) return new Map();
    const units = await this.tx.$queryRaw<RecordRow[]>`
      SELECT id::text AS id, code, kind::text AS kind, created_on::text AS "createdOn", dissolved_on::text AS "dissolvedOn", revision
      FROM unit WHERE id = ANY(${unique}::text[]::uuid[]) ORDER BY id FOR UPDATE`;
    const records = recordsFromRows(units, await this.versionRows(unique));
    for (const record of records) this.remember(record.id, record.timeline);
    return new Map(records.map((record) => [record.id, record]));
  }

  private remember(unitId: string, timeline: readonly UnitVersion[]): void {
    this.storedVersions.set(unitId, timeline.map((version) => ({ ...version, attributes: { ...version.attributes } })));
  }

  async insertUnit(record: UnitRecord): Promise<void> {
    await this.insertUnits([record]);
  }

  /** Replaces the unit's timeline and life span; `record.revision` must be one above what is stored. */
  async saveRecord(record: UnitRecord): Promise<void> {
    await this.saveRecords([record]);
  }

  /** Many new units at once (a reorganisation plan): one insert of units and one of versions. */
  async insertUnits(records: readonly UnitRecord[]): Promise<void> {
    if (records.length === 0) return;
    await lockCodes(this.tx, records.flatMap((record) => record.timeline.map((version) => version.code)));
    for (let start = 0; start < records.length; start += BULK_ROWS) {
      const chunk = records.slice(start, start + BULK_ROWS);
      await this.tx.$executeRaw`
        INSERT INTO unit (id, code, kind, created_on, dissolved_on, revision)
        SELECT t.id, t.code, t.kind::"UnitKind", t.created_on, t.dissolved_on, t.revision
        FROM unnest(${chunk.map((r) => r.id)}::text[]::uuid[], ${chunk.map(latestCode)}::text[], ${chunk.map((r) => r.kind)}::text[],
          ${chunk.map((r) => r.createdOn)}::text[]::date[], ${chunk.map((r) => r.dissolvedOn)}::text[]::date[], ${chunk.map((r) => r.revision)}::int[])
          AS t(id, code, kind, created_on, dissolved_on, revision)`;
    }
    await insertVersions(this.tx, versionsOf(records), this.fold);
    for (const record of records) {
      this.remember(record.id, record.timeline);
      this.placementsChanged.add(record.id);
      this.codesToCheck.add(record.id);
      for (const version of record.timeline) this.closureChangesFrom(version.validFrom);
    }
  }

  /**
   * Replaces many units' timelines at once; each `revision` must be one above what is stored (rows locked by the caller).
   * The versions are written in place: a stored version the new timeline keeps as it is (same start, end and state) is
   * left alone, one it keeps with another end or state (a period cut by a change) is updated, the others are deleted,
   * and only the new timeline's other versions are inserted.
   */
  async saveRecords(records: readonly UnitRecord[]): Promise<void> {
    if (records.length === 0) return;
    const ids = records.map((r) => r.id);
    const beforeOf = new Map<string, UnitVersion[]>();
    const unknown = ids.filter((id) => !this.storedVersions.has(id));
    for (const row of unknown.length > 0 ? await this.versionRows(unknown) : []) {
      let versions = beforeOf.get(row.unitId);
      if (!versions) beforeOf.set(row.unitId, (versions = []));
      versions.push(storedVersion(row));
    }
    for (const id of ids) {
      const stored = this.storedVersions.get(id);
      if (stored) beforeOf.set(id, stored);
    }
    const gaining = records.filter((record) => codesGained(beforeOf.get(record.id) ?? [], record.timeline).length > 0);
    await lockCodes(this.tx, gaining.flatMap((record) => codesGained(beforeOf.get(record.id) ?? [], record.timeline)));
    const updated = await this.tx.$executeRaw`
      UPDATE unit u SET revision = x.revision, dissolved_on = x.dissolved_on, code = x.code, updated_at = now()
      FROM unnest(${ids}::text[]::uuid[], ${records.map((r) => r.revision)}::int[], ${records.map((r) => r.dissolvedOn)}::text[]::date[],
        ${records.map(latestCode)}::text[])
        AS x(id, revision, dissolved_on, code)
      WHERE u.id = x.id AND u.revision = x.revision - 1`;
    if (updated !== records.length) throw new Error(`${records.length - updated} unit(s) changed concurrently despite their row locks`);
    const toDelete: { unitId: string; validFrom: string }[] = [];
    const toUpdate: VersionWrite[] = [];
    const toInsert: VersionWrite[] = [];
    for (const record of records) {
      const stored = new Map((beforeOf.get(record.id) ?? []).map((version) => [version.validFrom, version]));
      for (const version of record.timeline) {
        const was = stored.get(version.validFrom);
        stored.delete(version.validFrom);
        if (!was) toInsert.push({ record, version });
        else if (was.validTo !== version.validTo || !sameState(was, version)) toUpdate.push({ record, version });
      }
      for (const validFrom of stored.keys()) toDelete.push({ unitId: record.id, validFrom });
    }
    await deleteVersions(this.tx, toDelete);
    await updateVersions(this.tx, toUpdate, this.fold);
    await insertVersions(this.tx, toInsert, this.fold);
    for (const record of records) this.remember(record.id, record.timeline);
    for (const record of gaining) this.codesToCheck.add(record.id);
    for (const record of records) {
      const was = beforeOf.get(record.id) ?? [];
      // Only a change of parents or life span moves the unit in the closure; a rename does not.
      if (parentSpans(was).join() !== parentSpans(record.timeline).join()) this.placementsChanged.add(record.id);
      else if (spansKey(was) !== spansKey(record.timeline)) this.codesChanged.add(record.id);
      else continue;
      this.closureChangesFrom(closureChangedFrom(was, record.timeline));
    }
  }

  private closureChangesFrom(date: string | null): void {
    if (date !== null && (this.closureFrom === null || date < this.closureFrom)) this.closureFrom = date;
  }

  /**
   * Ends the writes of the transaction: refuses it when a code is held by two units on one date (the codes were locked
   * when written), then rebuilds the closure rows below every unit whose parents or life span changed, once, from the
   * earliest date any of them changed (a plan: its date; a back-dated correction: the date it reaches back to): reads
   * inside the transaction walk unit_version and do not depend on it.
   */
  async finishWrites(): Promise<void> {
    await assertCodesUnique(this.tx, [...this.codesToCheck]);
    this.codesToCheck.clear();
    const from = this.closureFrom;
    await rebuildUnitClosure(this.tx, [...this.placementsChanged], true, from);
    await rebuildUnitClosure(this.tx, [...this.codesChanged].filter((id) => !this.placementsChanged.has(id)), false, from);
    this.placementsChanged.clear();
    this.codesChanged.clear();
    this.closureFrom = null;
  }

  async insertLineage(entries: readonly LineageEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += BULK_ROWS) {
      const chunk = entries.slice(start, start + BULK_ROWS);
      const col = <T>(pick: (entry: LineageEntry) => T) => chunk.map(pick);
      await this.tx.$executeRawUnsafe(
        `INSERT INTO unit_lineage (id, event, share, plan_id, predecessor_id, successor_id, effective_date)
         SELECT gen_random_uuid(), event::"LineageEvent", share::"LineageShare", plan_id, predecessor_id, successor_id, effective_date::date
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[])
           AS t(event, share, plan_id, predecessor_id, successor_id, effective_date)`,
        col((e) => e.event),
        col((e) => e.share),
        col((e) => e.planId ?? null),
        col((e) => e.predecessorId),
        col((e) => e.successorId),
        col((e) => e.effectiveDate),
      );
    }
  }

  /**
   * The audit rows of single commands (one per unit changed; a cascade may change hundreds), 5,000 a statement, each
   * statement's rows sent as one JSON document of positional arrays: the details are JSON already, and a `text[]`
   * literal escaped by the driver costs more. A reorganisation plan writes none: its own row is its audit record.
   */
  async insertChanges(entries: readonly UnitChangeEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += BULK_ROWS) {
      const rows = entries
        .slice(start, start + BULK_ROWS)
        .map((e) => [e.unitId, e.type, e.effectiveDate, e.actor, e.at.toISOString(), e.reason, e.correction, e.revision, e.details]);
      await this.tx.$executeRawUnsafe(
        `INSERT INTO unit_change (id, unit_id, type, effective_date, actor, at, reason, correction, revision, details)
         SELECT gen_random_uuid(), (r->>0)::uuid, r->>1, (r->>2)::date, r->>3, (r->>4)::timestamptz, r->>5, (r->>6)::boolean,
           (r->>7)::int, r->8
         FROM jsonb_array_elements($1::jsonb) AS e(r)`,
        JSON.stringify(rows),
      );
    }
  }

  async appendEvents(events: readonly NewEvent<EventContract>[]): Promise<void> {
    await appendToOutbox(this.tx, events, { source: EVENT_SOURCE });
  }
}

/** Entry point of the unit persistence: reads outside transactions, writes through {@link transaction}. */
export class UnitRepository extends UnitReader {
  constructor(
    private readonly prisma: PrismaClient,
    fold: (name: string) => string,
    /** The connection pool under `prisma`, for {@link bulkTransaction}. */
    private readonly pool: Pool,
  ) {
    super(prisma, fold);
  }

  /** The client, for another repository of the service reading outside a transaction. */
  get client(): PrismaClient {
    return this.prisma;
  }

  /**
   * Runs `work` in one interactive transaction: state, audit, lineage and outbox rows commit or roll back together.
   * A command that locks in two steps (the units named, then their dependents) can deadlock with another one; the
   * transaction PostgreSQL aborts (deadlock or serialization failure) is run again from the start, so `work` must
   * derive everything from what it reads inside the transaction.
   */
  async transaction<T>(work: (tx: UnitTransaction) => Promise<T>, { timeoutMs = TRANSACTION_OPTIONS.timeout }: { timeoutMs?: number } = {}): Promise<T> {
    return this.retried(isTransactionConflict, () =>
      this.prisma.$transaction((tx) => this.finished(tx, work), { ...TRANSACTION_OPTIONS, timeout: timeoutMs }),
    );
  }

  /**
   * {@link transaction} for a write of tens of thousands of rows (a reorganisation plan): on one plain `pg` connection
   * of the same pool, whose statements queue in the order they are issued, so that `work` may compute the next ones
   * while PostgreSQL runs those before ({@link pgTransaction}). `timeoutMs` bounds each statement and each wait between two.
   */
  async bulkTransaction<T>(work: (tx: UnitTransaction) => Promise<T>, { timeoutMs }: { timeoutMs: number }): Promise<T> {
    const options = { statementTimeoutMs: timeoutMs, idleTimeoutMs: timeoutMs };
    return this.retried(isPgTransactionConflict, () => pgTransaction(this.pool, options, (sql) => this.finished(withTemplates(sql), work)));
  }

  private async finished<T>(sql: RawSql, work: (tx: UnitTransaction) => Promise<T>): Promise<T> {
    const unitTx = new UnitTransaction(sql, this.fold);
    const result = await work(unitTx);
    await unitTx.finishWrites();
    return result;
  }

  private async retried<T>(isConflict: (error: unknown) => boolean, attempt: () => Promise<T>): Promise<T> {
    for (let count = 1; ; count++) {
      try {
        return await attempt();
      } catch (error) {
        if (count >= TRANSACTION_ATTEMPTS || !isConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * count));
      }
    }
  }
}

/** A slim row (`node_id`) that is not an armed-forces unit on `asOf`. */
function notArmedForces(asOf: string): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM unit_version af WHERE af.unit_id = node_id AND ${liveOn('af', asOf)} AND af.armed_forces)`;
}
