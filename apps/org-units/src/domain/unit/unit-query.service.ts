import { type Caller, SYSTEM_ADMIN, requireCaller } from '@antt/auth';
import { inputPageSize, isUuid } from '@antt/service-kit';
import DataLoader from 'dataloader';
import { addDays } from '../shared/calendar-date';
import { type Clock } from '../shared/clock';
import { foldForSearch, searchTerms } from './search-name';
import { type UnitInput } from './unit-input';
import { type UnitPolicy } from './unit.policy';
import { type UnitReader } from './unit.repository';
import { viewOf } from './unit.service';
import { versionAt } from './timeline';
import { type LineageLink, type LineageRelative, type PageRequest, type UnitKind, type UnitPage, type UnitRecord, type UnitVersion, type UnitView } from './unit.types';

export interface ListUnitsFilter {
  kinds?: readonly UnitKind[] | null;
  parentId?: string | null;
  nameContains?: string | null;
  asOf?: string | null;
}

export interface ResolvedLineageLink extends LineageLink {
  unit: UnitView;
}

/** A unit reached through lineage over generations, seen on the date asked. */
export interface ResolvedLineageRelative extends LineageRelative {
  unit: UnitView;
}

/** Most results one search returns. */
export const MAX_SEARCH_RESULTS = 100;

/**
 * Reads of the unit tree "as of" a date (default: today in Vietnam), each behind the read policy. One instance per
 * request: unit records are loaded through a DataLoader, so references arriving in a batch cost one query.
 */
export class UnitQueryService {
  private readonly records: DataLoader<string, UnitRecord | null>;

  constructor(
    private readonly reader: UnitReader,
    private readonly policy: UnitPolicy,
    private readonly clock: Clock,
    private readonly input: UnitInput,
  ) {
    this.records = new DataLoader(async (ids) => {
      const found = new Map((await reader.findRecords(ids)).map((record) => [record.id, record]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /**
   * The unit as it stood on `asOf`; null when it did not exist then, and — exactly the same answer — when it lay outside
   * the caller's jurisdiction then.
   */
  async unit(caller: Caller, id: string, asOf?: string | null): Promise<UnitView | null> {
    const unitId = this.input.id(id, 'id');
    const date = this.dateOrToday(asOf);
    requireCaller(caller);
    return this.visibleOn(caller, unitId, date);
  }

  async unitByCode(caller: Caller, code: string, asOf?: string | null): Promise<UnitView | null> {
    const canonical = this.input.code(code, 'code');
    const date = this.dateOrToday(asOf);
    requireCaller(caller);
    const id = await this.reader.findIdByCodeOn(canonical, date);
    return id ? this.visibleOn(caller, id, date) : null;
  }

  /** A unit another subgraph refers to: as of today, or its last state when it no longer exists; null outside the jurisdiction. */
  async reference(caller: Caller, id: string): Promise<UnitView | null> {
    requireCaller(caller);
    if (!isUuid(id)) return null;
    const record = await this.records.load(id.toLowerCase());
    if (!record) return null;
    const view = lastKnownView(record, this.clock.today());
    return this.policy.shows(caller, view) && (await this.policy.canRead(caller, record.id, view.asOf)) ? view : null;
  }

  async list(caller: Caller, filter: ListUnitsFilter, page: PageRequest): Promise<UnitPage> {
    const scope = this.policy.readScope(caller);
    const parentId = this.input.optionalId(filter.parentId, 'filter.parentId');
    const nameContains = filter.nameContains === null || filter.nameContains === undefined ? null : this.input.searchText(filter.nameContains, 'filter.nameContains');
    const nameTerms = nameContains ? searchTerms(nameContains) : null;
    const hideArmedForces = this.policy.hidesArmedForces(caller);
    return this.reader.listPage({ asOf: this.dateOrToday(filter.asOf), kinds: filter.kinds, parentId, nameTerms, hideArmedForces }, scope, page);
  }

  /** Units whose name holds the words of `text` at word starts, in order, ignoring case and diacritics ("vu hoi" finds "Vũ Hội"). */
  async search(
    caller: Caller,
    text: string,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null; first?: number | null },
  ): Promise<UnitView[]> {
    const scope = this.policy.readScope(caller);
    const canonical = this.input.searchText(text);
    const first = inputPageSize(options.first, { field: 'first', max: MAX_SEARCH_RESULTS, fallback: 20 });
    const date = this.dateOrToday(options.asOf);
    const terms = searchTerms(canonical);
    if (terms.length === 0 || first === 0) return [];
    return this.reader.search(terms, foldForSearch(canonical), date, options.kinds ?? null, scope, first, this.policy.hidesArmedForces(caller));
  }

  async children(
    caller: Caller,
    parent: UnitView,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null },
    page: PageRequest,
  ): Promise<UnitPage> {
    const date = await this.readableOn(caller, parent, options.asOf);
    if (date === null) return EMPTY_PAGE;
    return this.reader.listPage({ asOf: date, parentId: parent.id, kinds: options.kinds, hideArmedForces: this.policy.hidesArmedForces(caller) }, null, page);
  }

  async descendants(
    caller: Caller,
    root: UnitView,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null },
    page: PageRequest,
  ): Promise<UnitPage> {
    const date = await this.readableOn(caller, root, options.asOf);
    if (date === null) return EMPTY_PAGE;
    return this.reader.listPage(
      { asOf: date, kinds: options.kinds, hideArmedForces: this.policy.hidesArmedForces(caller) },
      { rootId: root.id, includeRoot: false },
      page,
    );
  }

  /** Parent first, up to the root; a caller below SYSTEM_ADMIN sees them up to its own jurisdiction unit. */
  async ancestors(caller: Caller, unit: UnitView, asOf?: string | null): Promise<UnitView[]> {
    const date = await this.readableOn(caller, unit, asOf);
    if (date === null) return [];
    const identity = requireCaller(caller);
    let ids = await this.reader.ancestorIds(unit.id, date);
    if (!identity.roles.includes(SYSTEM_ADMIN)) {
      const rootIndex = ids.indexOf(identity.jurisdictionUnitId);
      ids = unit.id === identity.jurisdictionUnitId || rootIndex < 0 ? [] : ids.slice(0, rootIndex + 1);
    }
    const records = await this.records.loadMany(ids);
    return records
      .filter(isRecord)
      .map((record) => viewOf(record, date))
      .filter((view) => this.policy.shows(caller, view));
  }

  /** A unit a field points to (parent, managing unit) on the same date; null when outside the caller's jurisdiction. */
  async related(caller: Caller, id: string | null, asOf: string): Promise<UnitView | null> {
    if (id === null) return null;
    const record = await this.records.load(id);
    if (!record || !(await this.policy.canRead(caller, id, asOf))) return null;
    const view = viewOf(record, asOf);
    return this.policy.shows(caller, view) ? view : null;
  }

  async lineage(caller: Caller, unit: UnitView): Promise<{ predecessors: ResolvedLineageLink[]; successors: ResolvedLineageLink[] }> {
    requireCaller(caller);
    const { predecessors, successors } = await this.reader.lineage(unit.id);
    // A link to a unit the caller may not see is left out whole, as if there were no such unit.
    const resolve = async (link: LineageLink): Promise<ResolvedLineageLink[]> => {
      const record = await this.records.load(link.unitId);
      if (!record) return [];
      const view = lastKnownView(record, link.effectiveDate);
      return this.policy.shows(caller, view) && (await this.policy.canRead(caller, record.id, view.asOf)) ? [{ ...link, unit: view }] : [];
    };
    return {
      predecessors: (await Promise.all(predecessors.map(resolve))).flat(),
      successors: (await Promise.all(successors.map(resolve))).flat(),
    };
  }

  /**
   * The units this one came from, as they stood on an earlier date `asOf` (all hops, whole or partial), or — for
   * `successors` — the units it went into, as they stand on a later date: so that a 2024 figure can be carried to the
   * 2025 unit that inherited it. Units the caller may not see on `asOf` are left out.
   */
  async lineageAcross(caller: Caller, unit: UnitView, direction: 'origins' | 'successors', asOf: string): Promise<ResolvedLineageRelative[]> {
    requireCaller(caller);
    const date = this.input.date(asOf, 'asOf');
    const relatives = await this.reader.lineageAcross(unit.id, direction, date);
    const records = await this.records.loadMany(relatives.map((r) => r.unitId));
    const resolved = await Promise.all(
      relatives.map(async (relative, index) => {
        const record = records[index];
        if (!record || record instanceof Error || !(await this.policy.canRead(caller, relative.unitId, date))) return [];
        const view = viewOf(record, date);
        return this.policy.shows(caller, view) ? [{ ...relative, unit: view }] : [];
      }),
    );
    return resolved.flat();
  }

  /**
   * Every version of the unit, oldest first, cut to the periods in which the caller may see it: the names and parents it
   * had while it sat in another jurisdiction are not shown.
   */
  async history(caller: Caller, unit: UnitView): Promise<UnitVersion[]> {
    const timeline = (await this.records.load(unit.id))?.timeline ?? [unit.version];
    const first = timeline[0];
    if (!first) return [];
    const visible = await this.policy.readableIntervals(caller, this.reader, unit.id, first.validFrom, latestEnd(timeline));
    if (visible === null) return timeline;
    return timeline.flatMap((version) =>
      visible.flatMap((interval) => {
        const from = interval.from > version.validFrom ? interval.from : version.validFrom;
        const to = earlier(interval.to, version.validTo);
        return to === null || from < to ? [{ ...version, validFrom: from, validTo: to }] : [];
      }),
    );
  }

  today(): string {
    return this.clock.today();
  }

  private dateOrToday(asOf: string | null | undefined): string {
    return asOf ? this.input.date(asOf, 'asOf') : this.clock.today();
  }

  /** The unit on `date` when it existed then and the caller may see it then; null otherwise, whichever the cause. */
  private async visibleOn(caller: Caller, unitId: string, date: string): Promise<UnitView | null> {
    const record = await this.records.load(unitId);
    if (!record || !versionAt(record.timeline, date)) return null;
    const view = viewOf(record, date);
    return this.policy.shows(caller, view) && (await this.policy.canRead(caller, unitId, date)) ? view : null;
  }

  /**
   * The date a nested read is about (the view's own by default); null when it differs and the caller may not see the
   * unit then, which the caller gets as an empty answer, as for a date on which the unit did not exist.
   */
  private async readableOn(caller: Caller, unit: UnitView, asOf: string | null | undefined): Promise<string | null> {
    const date = asOf ? this.input.date(asOf, 'asOf') : unit.asOf;
    requireCaller(caller);
    if (date !== unit.asOf && !(await this.policy.canRead(caller, unit.id, date))) return null;
    return date;
  }
}

const EMPTY_PAGE: UnitPage = { rows: async () => ({ nodes: [], hasNextPage: false }), totalCount: async () => 0 };

/** The end of the last version (null while the unit lives). */
function latestEnd(timeline: readonly UnitVersion[]): string | null {
  return timeline[timeline.length - 1]?.validTo ?? null;
}

/** The earlier of two period ends, null being "no end". */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** As of `date` when the unit existed then; otherwise its last day (or its first, when asked before it existed). */
function lastKnownView(record: UnitRecord, date: string): UnitView {
  if (versionAt(record.timeline, date)) return viewOf(record, date);
  if (date < record.createdOn) return viewOf(record, record.createdOn);
  return viewOf(record, record.dissolvedOn ? addDays(record.dissolvedOn, -1) : date);
}

function isRecord(value: UnitRecord | null | Error): value is UnitRecord {
  return value !== null && !(value instanceof Error);
}
