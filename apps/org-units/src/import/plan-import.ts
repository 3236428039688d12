import { randomUUID } from 'node:crypto';
import { type UnitImportColumn } from '@antt/contracts';
import { DomainError } from '@antt/service-kit';
import { coversPeriod } from '../domain/unit/date-rules';
import { assertManagingKind, assertParentKind, defaultsManagingUnitToParent } from '../domain/unit/parent-rules';
import { type UnitAttributes, type UnitKind } from '../domain/unit/unit.types';
import { type CheckedRow, ColumnRejected, type RowCheckOptions, checkRow, codeOf, rejectedRow } from './check-row';
import { type ImportRow, type RejectedRow } from './import-row';

/** A unit already in the database that rows may hang under (or whose code they may collide with). */
export interface ExistingUnit {
  id: string;
  kind: UnitKind;
  createdOn: string;
  dissolvedOn: string | null;
}

/** A unit the import will create. */
export interface PlannedUnit {
  row: number;
  id: string;
  code: string;
  kind: UnitKind;
  name: string;
  effectiveFrom: string;
  parentId: string | null;
  managingUnitId: string | null;
  attributes: UnitAttributes;
}

/** The rows that passed the column checks, by canonical code, and what the checks refused. */
export interface CheckedRows {
  candidates: Map<string, CheckedRow>;
  /** Codes of rows refused by the column checks: rows under them are refused too. */
  failedCodes: Map<string, number>;
  rejected: RejectedRow[];
}

export interface ImportPlan {
  /** In dependency order: a unit comes after its parent and managing unit. */
  accepted: PlannedUnit[];
  /** Every refused row, in file order. */
  rejected: RejectedRow[];
}

/**
 * Checks every row on its own (canonical codes, names and dates, counts, attributes for the kind) and finds codes that
 * appear twice in the file ("tb-vt" and "TB-VT" are one code). Needs no database.
 */
export function checkRows(rows: readonly ImportRow[], options: RowCheckOptions): CheckedRows {
  const candidates = new Map<string, CheckedRow>();
  const failedCodes = new Map<string, number>();
  const rejected: RejectedRow[] = [];
  rows.forEach((raw, index) => {
    const row = index + 1;
    let code: string | null = null;
    try {
      if (raw !== null && typeof raw === 'object') code = codeOf(raw, 'code');
      const firstRow = code === null ? undefined : (candidates.get(code)?.row ?? failedCodes.get(code));
      if (code !== null && firstRow !== undefined) {
        rejected.push({ row, code, column: 'code', reason: 'DUPLICATE_CODE', message: `code ${code} is also on row ${firstRow}` });
        return;
      }
      const checked = checkRow(raw, row, options);
      candidates.set(checked.code, checked);
    } catch (error) {
      if (!(error instanceof ColumnRejected)) throw error;
      if (code !== null) failedCodes.set(code, row);
      rejected.push(rejectedRow(row, raw, error));
    }
  });
  return { candidates, failedCodes, rejected };
}

/** Every parent and managing code the rows name, canonical. */
export function referencedCodes(checked: CheckedRows): string[] {
  const codes = new Set<string>();
  for (const candidate of checked.candidates.values()) {
    if (candidate.parentCode !== null) codes.add(candidate.parentCode);
    if (candidate.managingCode !== null) codes.add(candidate.managingCode);
  }
  return [...codes];
}

class RowRejected extends Error {
  constructor(
    readonly column: UnitImportColumn | null,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks the checked rows against the tree rules and orders the accepted ones so that parents come first (rows may
 * come in any order). `taken` holds the codes already in the database; `stored` the existing units the rows name as
 * parent or managing unit, by code, each checked live on the row's date with the same kind rules as a new parent. A
 * row whose parent or managing unit is refused is refused too; rows that depend on each other in a loop are refused
 * as a cycle.
 */
export function planImport(checked: CheckedRows, taken: ReadonlySet<string>, stored: ReadonlyMap<string, ExistingUnit>): ImportPlan {
  const rejected = [...checked.rejected];
  const byCode = new Map<string, CheckedRow>();
  const failed = new Map(checked.failedCodes);
  for (const candidate of checked.candidates.values()) {
    if (taken.has(candidate.code)) {
      rejected.push({ row: candidate.row, code: candidate.code, column: 'code', reason: 'UNIT_CODE_TAKEN', message: `a unit with code ${candidate.code} already exists` });
    } else {
      byCode.set(candidate.code, candidate);
    }
  }

  const dependents = new Map<string, string[]>();
  const waitingOn = new Map<string, number>();
  for (const candidate of byCode.values()) {
    const deps = new Set([candidate.parentCode, candidate.managingCode].filter((c): c is string => c !== null && byCode.has(c)));
    deps.delete(candidate.code);
    waitingOn.set(candidate.code, deps.size);
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(candidate.code);
      else dependents.set(dep, [candidate.code]);
    }
  }

  const planned = new Map<string, PlannedUnit>();
  const ready = [...byCode.values()].filter((c) => waitingOn.get(c.code) === 0).map((c) => c.code);
  const accepted: PlannedUnit[] = [];
  while (ready.length > 0) {
    const code = ready.pop() as string;
    const candidate = byCode.get(code) as CheckedRow;
    try {
      const unit = planRow(candidate, planned, failed, stored);
      planned.set(code, unit);
      accepted.push(unit);
    } catch (error) {
      failed.set(code, candidate.row);
      if (error instanceof RowRejected) {
        rejected.push({ row: candidate.row, code, column: error.column, reason: error.reason, message: error.message });
      } else throw error;
    }
    for (const dependent of dependents.get(code) ?? []) {
      const left = (waitingOn.get(dependent) ?? 0) - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  for (const candidate of byCode.values()) {
    if (!planned.has(candidate.code) && !failed.has(candidate.code)) {
      const column = candidate.parentCode !== null && byCode.has(candidate.parentCode) && !planned.has(candidate.parentCode) ? 'parentCode' : 'managingUnitCode';
      rejected.push({
        row: candidate.row,
        code: candidate.code,
        column,
        reason: 'UNIT_CYCLE',
        message: `${candidate.code} depends on itself through its ${column === 'parentCode' ? 'parent' : 'managing unit'} ${column === 'parentCode' ? candidate.parentCode : candidate.managingCode}`,
      });
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { accepted, rejected };
}

type Role = 'parent' | 'managing unit';

const COLUMN_OF: Record<Role, UnitImportColumn> = { parent: 'parentCode', 'managing unit': 'managingUnitCode' };

function planRow(
  candidate: CheckedRow,
  planned: ReadonlyMap<string, PlannedUnit>,
  failed: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, ExistingUnit>,
): PlannedUnit {
  const date = candidate.effectiveFrom;
  const resolve = (code: string | null, role: Role) => {
    if (code === null) return null;
    const column = COLUMN_OF[role];
    const failedRow = failed.get(code);
    if (failedRow !== undefined) {
      throw new RowRejected(column, role === 'parent' ? 'PARENT_REJECTED' : 'MANAGING_UNIT_REJECTED', `its ${role} ${code} (row ${failedRow}) was rejected`);
    }
    const inFile = planned.get(code);
    if (inFile) return { code, id: inFile.id, kind: inFile.kind, createdOn: inFile.effectiveFrom, dissolvedOn: null };
    const existing = stored.get(code);
    if (existing) return { code, ...existing };
    throw new RowRejected(column, 'UNIT_NOT_FOUND', `${role} ${code} is neither in the file nor in the database`);
  };
  const parent = resolve(candidate.parentCode, 'parent');
  const managing =
    resolve(candidate.managingCode, 'managing unit') ?? (candidate.managingCode === null && defaultsManagingUnitToParent(candidate.kind) ? parent : null);
  const managingColumn: UnitImportColumn = candidate.managingCode === null ? 'parentCode' : 'managingUnitCode';
  rule('parentCode', () => assertParentKind(candidate.kind, parent?.kind ?? null, date));
  rule(managingColumn, () => assertManagingKind(candidate.kind, managing?.kind ?? null, date));
  if (parent) assertLive(parent, 'parent', 'parentCode', 'UNIT_PARENT_NOT_LIVE', date);
  if (managing && managing !== parent) assertLive(managing, 'managing unit', managingColumn, 'UNIT_MANAGING_UNIT_NOT_LIVE', date);
  return {
    row: candidate.row,
    id: randomUUID(),
    code: candidate.code,
    kind: candidate.kind,
    name: candidate.name,
    effectiveFrom: date,
    parentId: parent?.id ?? null,
    managingUnitId: managing?.id ?? null,
    attributes: candidate.attributes,
  };
}

function rule(column: UnitImportColumn, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) throw new RowRejected(column, error.reason, error.message);
    throw error;
  }
}

/** A new unit is open-ended, so its parent (managing unit) must exist on its date and never be dissolved after it. */
function assertLive(
  other: ExistingUnit & { code: string },
  role: Role,
  column: UnitImportColumn,
  reason: string,
  date: string,
): void {
  if (coversPeriod(other, date, null)) return;
  let why: string;
  if (other.createdOn > date) why = `${role} ${other.code} exists only from ${other.createdOn}, after ${date}`;
  else if (other.dissolvedOn !== null && other.dissolvedOn <= date) why = `${role} ${other.code} was dissolved on ${other.dissolvedOn}, so it is not live on ${date}`;
  else why = `${role} ${other.code} is dissolved on ${other.dissolvedOn}, so a unit created on ${date} would outlive it`;
  throw new RowRejected(column, reason, why);
}
