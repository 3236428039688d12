import { type Caller, SYSTEM_ADMIN, requireCaller } from '@antt/auth';
import DataLoader from 'dataloader';
import { addDays } from '../shared/calendar-date';
import { type Clock } from '../shared/clock';
import { assertCalendarDate } from './date-rules';
import { foldForSearch, searchTerms } from './search-name';
import { type UnitPolicy } from './unit.policy';
import { type UnitReader } from './unit.repository';
import { viewOf } from './unit.service';
import { versionAt } from './timeline';
import { type PageRequest, type UnitKind, type UnitPage, type UnitRecord, type UnitVersion, type UnitView } from './unit.types';

export interface ListUnitsFilter {
  kinds?: readonly UnitKind[] | null;
  parentId?: string | null;
  nameContains?: string | null;
  asOf?: string | null;
}

export interface ResolvedLineageLink {
  event: 'MERGE' | 'SPLIT';
  effectiveDate: string;
  unitId: string;
  /** Null when the linked unit lies outside the caller's jurisdiction. */
  unit: UnitView | null;
}

const MAX_PAGE = 1000;
const MAX_SEARCH = 100;

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
  ) {
    this.records = new DataLoader(async (ids) => {
      const found = new Map((await reader.findRecords(ids)).map((record) => [record.id, record]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The unit as it stood on `asOf`; null when it did not exist then. */
  async unit(caller: Caller, id: string, asOf?: string | null): Promise<UnitView | null> {
    const date = this.dateOrToday(asOf);
    requireCaller(caller);
    const record = await this.records.load(id);
    if (!record || !versionAt(record.timeline, date)) return null;
    await this.policy.assertCanRead(caller, id, date);
    return viewOf(record, date);
  }

  async unitByCode(caller: Caller, code: string, asOf?: string | null): Promise<UnitView | null> {
    requireCaller(caller);
    const id = (await this.reader.findIdsByCodes([code.trim()])).get(code.trim());
    return id ? this.unit(caller, id, asOf) : null;
  }

  /** A unit another subgraph refers to: as of today, or its last state when it no longer exists. */
  async reference(caller: Caller, id: string): Promise<UnitView | null> {
    requireCaller(caller);
    const record = await this.records.load(id);
    if (!record) return null;
    const view = lastKnownView(record, this.clock.today());
    await this.policy.assertCanRead(caller, id, view.asOf);
    return view;
  }

  async list(caller: Caller, filter: ListUnitsFilter, page: PageRequest): Promise<UnitPage> {
    const scope = this.policy.readScope(caller);
    const nameTerms = filter.nameContains ? searchTerms(filter.nameContains) : null;
    return this.reader.listPage(
      { asOf: this.dateOrToday(filter.asOf), kinds: filter.kinds, parentId: filter.parentId, nameTerms },
      scope,
      checkPage(page),
    );
  }

  /** Units whose name holds the words of `text` at word starts, in order, ignoring case and diacritics ("vu hoi" finds "Vũ Hội"). */
  async search(
    caller: Caller,
    text: string,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null; first?: number | null },
  ): Promise<UnitView[]> {
    const scope = this.policy.readScope(caller);
    const terms = searchTerms(text);
    if (terms.length === 0) return [];
    const first = Math.min(Math.max(options.first ?? 20, 1), MAX_SEARCH);
    return this.reader.search(terms, foldForSearch(text), this.dateOrToday(options.asOf), options.kinds ?? null, scope, first);
  }

  async children(
    caller: Caller,
    parent: UnitView,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null },
    page: PageRequest,
  ): Promise<UnitPage> {
    const date = await this.readableOn(caller, parent, options.asOf);
    return this.reader.listPage({ asOf: date, parentId: parent.id, kinds: options.kinds }, null, checkPage(page));
  }

  async descendants(
    caller: Caller,
    root: UnitView,
    options: { asOf?: string | null; kinds?: readonly UnitKind[] | null },
    page: PageRequest,
  ): Promise<UnitPage> {
    const date = await this.readableOn(caller, root, options.asOf);
    return this.reader.listPage({ asOf: date, kinds: options.kinds }, { rootId: root.id, includeRoot: false }, checkPage(page));
  }

  /** Parent first, up to the root; a caller below SYSTEM_ADMIN sees them up to its own jurisdiction unit. */
  async ancestors(caller: Caller, unit: UnitView, asOf?: string | null): Promise<UnitView[]> {
    const date = await this.readableOn(caller, unit, asOf);
    const identity = requireCaller(caller);
    let ids = await this.reader.ancestorIds(unit.id, date);
    if (!identity.roles.includes(SYSTEM_ADMIN)) {
      const rootIndex = ids.indexOf(identity.jurisdictionUnitId);
      ids = unit.id === identity.jurisdictionUnitId || rootIndex < 0 ? [] : ids.slice(0, rootIndex + 1);
    }
    const records = await this.records.loadMany(ids);
    return records.filter(isRecord).map((record) => viewOf(record, date));
  }

  /** A unit a field points to (parent, managing unit) on the same date; null when outside the caller's jurisdiction. */
  async related(caller: Caller, id: string | null, asOf: string): Promise<UnitView | null> {
    if (id === null) return null;
    const record = await this.records.load(id);
    if (!record || !(await this.policy.canRead(caller, id, asOf))) return null;
    return viewOf(record, asOf);
  }

  async lineage(caller: Caller, unit: UnitView): Promise<{ predecessors: ResolvedLineageLink[]; successors: ResolvedLineageLink[] }> {
    requireCaller(caller);
    const { predecessors, successors } = await this.reader.lineage(unit.id);
    const resolve = async (link: { event: 'MERGE' | 'SPLIT'; effectiveDate: string; unitId: string }) => {
      const record = await this.records.load(link.unitId);
      if (!record) return { ...link, unit: null };
      const view = lastKnownView(record, link.effectiveDate);
      return { ...link, unit: (await this.policy.canRead(caller, record.id, view.asOf)) ? view : null };
    };
    return { predecessors: await Promise.all(predecessors.map(resolve)), successors: await Promise.all(successors.map(resolve)) };
  }

  /** Every version of the unit, oldest first. */
  async history(unit: UnitView): Promise<UnitVersion[]> {
    return (await this.records.load(unit.id))?.timeline ?? [unit.version];
  }

  today(): string {
    return this.clock.today();
  }

  private dateOrToday(asOf: string | null | undefined): string {
    return asOf ? assertCalendarDate(asOf) : this.clock.today();
  }

  /** The date a nested read is about (the view's own by default), checked against the policy when it differs. */
  private async readableOn(caller: Caller, unit: UnitView, asOf: string | null | undefined): Promise<string> {
    const date = asOf ? assertCalendarDate(asOf) : unit.asOf;
    if (date !== unit.asOf) await this.policy.assertCanRead(caller, unit.id, date);
    else requireCaller(caller);
    return date;
  }
}

/** As of `date` when the unit existed then; otherwise its last day (or its first, when asked before it existed). */
function lastKnownView(record: UnitRecord, date: string): UnitView {
  if (versionAt(record.timeline, date)) return viewOf(record, date);
  if (date < record.createdOn) return viewOf(record, record.createdOn);
  return viewOf(record, record.dissolvedOn ? addDays(record.dissolvedOn, -1) : date);
}

function checkPage(page: PageRequest): PageRequest {
  return { first: Math.min(Math.max(page.first, 0), MAX_PAGE), afterCode: page.afterCode };
}

function isRecord(value: UnitRecord | null | Error): value is UnitRecord {
  return value !== null && !(value instanceof Error);
}
