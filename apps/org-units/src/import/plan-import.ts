import { randomUUID } from 'node:crypto';
import { DomainError } from '@antt/service-kit';
import { isCalendarDate } from '../domain/shared/calendar-date';
import { assertManagingKind, assertParentKind, defaultsManagingUnitToParent } from '../domain/unit/parent-rules';
import { patchAttributes } from '../domain/unit/unit-attributes';
import { EMPTY_ATTRIBUTES, UNIT_KINDS, type UnitAttributes, type UnitKind } from '../domain/unit/unit.types';
import { type ImportRow, type RejectedRow } from './import-row';

/** A unit already in the database that rows may hang under. */
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

export interface ImportPlan {
  /** In dependency order: a unit comes after its parent and managing unit. */
  accepted: PlannedUnit[];
  rejected: RejectedRow[];
}

interface Candidate {
  row: number;
  code: string;
  raw: ImportRow;
  parentCode: string | null;
  managingCode: string | null;
}

class RowRejected extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const trimmed = String(value).trim();
  return trimmed.length === 0 ? null : trimmed;
};

/**
 * Checks every row against the unit rules and orders the accepted ones so that parents come first (rows may come in
 * any order; parents may already exist in the database). A row whose parent or managing unit is rejected is rejected
 * too; rows that depend on each other in a loop are rejected as a cycle.
 */
export function planImport(
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, ExistingUnit>,
  defaultEffectiveFrom: string | null,
): ImportPlan {
  const rejected: RejectedRow[] = [];
  const reject = (row: number, code: string | null, reason: string, message: string) =>
    rejected.push({ row, code, reason, message });

  const byCode = new Map<string, Candidate>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const code = text(raw.code);
    if (!code) return reject(row, null, 'UNIT_INVALID_INPUT', 'code is missing');
    if (byCode.has(code)) return reject(row, code, 'DUPLICATE_CODE', `code also on row ${byCode.get(code)?.row}`);
    if (existing.has(code)) return reject(row, code, 'UNIT_CODE_TAKEN', 'a unit with this code already exists');
    byCode.set(code, { row, code, raw, parentCode: text(raw.parentCode), managingCode: text(raw.managingUnitCode) });
  });

  const dependents = new Map<string, string[]>();
  const waitingOn = new Map<string, number>();
  for (const candidate of byCode.values()) {
    const deps = new Set([candidate.parentCode, candidate.managingCode].filter((c): c is string => c !== null && byCode.has(c)));
    deps.delete(candidate.code);
    waitingOn.set(candidate.code, deps.size);
    for (const dep of deps) dependents.set(dep, [...(dependents.get(dep) ?? []), candidate.code]);
  }

  const planned = new Map<string, PlannedUnit>();
  const failed = new Set<string>();
  const ready = [...byCode.values()].filter((c) => waitingOn.get(c.code) === 0).map((c) => c.code);
  const accepted: PlannedUnit[] = [];
  while (ready.length > 0) {
    const code = ready.pop() as string;
    const candidate = byCode.get(code) as Candidate;
    try {
      const unit = planRow(candidate, planned, failed, existing, defaultEffectiveFrom);
      planned.set(code, unit);
      accepted.push(unit);
    } catch (error) {
      failed.add(code);
      if (error instanceof RowRejected) reject(candidate.row, code, error.reason, error.message);
      else if (error instanceof DomainError) reject(candidate.row, code, error.reason, error.message);
      else throw error;
    }
    for (const dependent of dependents.get(code) ?? []) {
      const left = (waitingOn.get(dependent) ?? 0) - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  for (const candidate of byCode.values()) {
    if (!planned.has(candidate.code) && !failed.has(candidate.code)) {
      reject(candidate.row, candidate.code, 'UNIT_CYCLE', 'the row depends on itself through its parent or managing unit');
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { accepted, rejected };
}

function planRow(
  candidate: Candidate,
  planned: ReadonlyMap<string, PlannedUnit>,
  failed: ReadonlySet<string>,
  existing: ReadonlyMap<string, ExistingUnit>,
  defaultEffectiveFrom: string | null,
): PlannedUnit {
  const { raw } = candidate;
  const kind = text(raw.kind)?.toUpperCase();
  if (!kind || !(UNIT_KINDS as readonly string[]).includes(kind)) {
    throw new RowRejected('UNIT_INVALID_INPUT', `unknown kind ${JSON.stringify(raw.kind ?? null)}`);
  }
  const unitKind = kind as UnitKind;
  const name = text(raw.name)?.replace(/\s+/g, ' ');
  if (!name || name.length > 255) throw new RowRejected('UNIT_INVALID_INPUT', 'name is missing or longer than 255 characters');
  if (candidate.code.length > 64) throw new RowRejected('UNIT_INVALID_INPUT', 'code is longer than 64 characters');
  const effectiveFrom = text(raw.effectiveFrom) ?? defaultEffectiveFrom;
  if (!effectiveFrom || !isCalendarDate(effectiveFrom)) {
    throw new RowRejected('UNIT_INVALID_DATE', `effectiveFrom ${JSON.stringify(effectiveFrom)} is not a date (YYYY-MM-DD)`);
  }

  const resolve = (code: string | null, role: 'parent' | 'managing unit') => {
    if (code === null) return null;
    if (failed.has(code)) throw new RowRejected(role === 'parent' ? 'PARENT_REJECTED' : 'MANAGING_UNIT_REJECTED', `its ${role} ${code} was rejected`);
    const inFile = planned.get(code);
    if (inFile) return { id: inFile.id, kind: inFile.kind, createdOn: inFile.effectiveFrom, dissolvedOn: null };
    const stored = existing.get(code);
    if (stored) return stored;
    throw new RowRejected('UNIT_NOT_FOUND', `${role} ${code} is neither in the file nor in the database`);
  };
  const parent = resolve(candidate.parentCode, 'parent');
  const managing = resolve(candidate.managingCode, 'managing unit') ?? (defaultsManagingUnitToParent(unitKind) ? parent : null);
  assertParentKind(unitKind, parent?.kind ?? null, effectiveFrom);
  assertManagingKind(unitKind, managing?.kind ?? null, effectiveFrom);
  for (const [other, reason] of [
    [parent, 'UNIT_PARENT_NOT_LIVE'],
    [managing, 'UNIT_MANAGING_UNIT_NOT_LIVE'],
  ] as const) {
    if (other && (other.createdOn > effectiveFrom || other.dissolvedOn !== null)) {
      throw new RowRejected(reason, `${candidate.parentCode ?? candidate.managingCode} does not exist from ${effectiveFrom} on`);
    }
  }
  return {
    row: candidate.row,
    id: randomUUID(),
    code: candidate.code,
    kind: unitKind,
    name,
    effectiveFrom,
    parentId: parent?.id ?? null,
    managingUnitId: managing?.id ?? null,
    attributes: patchAttributes(unitKind, EMPTY_ATTRIBUTES, parseAttributes(raw)),
  };
}

function parseAttributes(raw: ImportRow): Partial<UnitAttributes> {
  const count = (value: unknown, field: string) => {
    const t = text(value);
    if (t === null) return null;
    const n = Number(t);
    if (!Number.isInteger(n) || n < 0) throw new RowRejected('UNIT_INVALID_INPUT', `${field} must be a whole number, 0 or more`);
    return n;
  };
  const flag = (value: unknown) => {
    const t = text(value)?.toLowerCase();
    if (t === undefined || t === null) return null;
    if (['true', '1', 'yes', 'x'].includes(t)) return true;
    if (['false', '0', 'no'].includes(t)) return false;
    throw new RowRejected('UNIT_INVALID_INPUT', 'armedForces must be true or false');
  };
  return {
    enterpriseSize: (text(raw.enterpriseSize)?.toUpperCase() ?? null) as UnitAttributes['enterpriseSize'],
    schoolLevel: (text(raw.schoolLevel)?.toUpperCase() ?? null) as UnitAttributes['schoolLevel'],
    armedForces: flag(raw.armedForces),
    residentHouseholds: count(raw.residentHouseholds, 'residentHouseholds'),
    staffCount: count(raw.staffCount, 'staffCount'),
  };
}
