import { REORGANISATION_MAPPING_COLUMNS, type ReorganisationMappingRow } from '@antt/contracts';
import { UNIT_KINDS, type UnitAttributes, type UnitKind } from '../unit/unit.types';
import { type PlanOperationInput } from './plan-input';
import { type PlanError } from './plan.types';

/**
 * One row of a reform's mapping file, as published: a new unit and one old unit it comes from, whole or partial.
 * A new unit whose code is held by a live unit on the plan's date is that unit going on (renamed or moved if the row
 * says so); otherwise it is created. `dependents` (codes separated by `;`) name the old unit's villages, schools, … that
 * go with a PARTIAL part; everything else of a WHOLE source follows it. `previousCode` (optional) names the live unit that
 * carries on under `newCode` (a recode): that unit keeps its identity and history and takes the new code from the date.
 */
export type MappingRow = ReorganisationMappingRow;

/** The columns of a mapping file, in order (CSV header); one list for the tools that write such files and this reader. */
export const MAPPING_COLUMNS = REORGANISATION_MAPPING_COLUMNS;

/** Unit kinds from the highest level down: a new province exists before the communes created under it. */
const LEVEL_ORDER: readonly UnitKind[] = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'DEPARTMENT', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'RESIDENTIAL_AREA', 'SECURITY_TEAM'];

export interface MappingOptions {
  /** Kinds of unit abolished on the date (DISTRICT in 2025): each such unit left ends and hands what remains to its parent. */
  abolishKinds?: readonly UnitKind[];
}

/** The live units on the plan's date the conversion needs: code, kind, name, parent code, in any order. */
export interface MappingTreeUnit {
  code: string;
  kind: UnitKind;
  name: string;
  parentCode: string | null;
}

interface Target {
  code: string;
  /** The live unit's code before the plan when it carries on under `code`. */
  previousCode: string | null;
  firstRow: number;
  kind: UnitKind | null;
  name: string | null;
  parentCode: string | null;
  sources: { row: number; code: string; share: 'WHOLE' | 'PARTIAL'; dependents: string[] }[];
}

const text = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed.length === 0 ? null : trimmed;
};

/**
 * Turns a mapping file into plan operations, in an order that lets every operation find what it names: creations,
 * renames and moves from the highest level down, then the partial parts, then the whole merges, then the abolished
 * levels. Form errors are returned per row (row = position among data rows, from 1) and produce no operation.
 */
export function mappingToOperations(
  rows: readonly MappingRow[],
  tree: readonly MappingTreeUnit[],
  options: MappingOptions = {},
): { operations: PlanOperationInput[]; errors: PlanError[] } {
  const errors: PlanError[] = [];
  const live = new Map(tree.map((unit) => [unit.code.toUpperCase(), unit]));
  const targets = new Map<string, Target>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const fail = (reason: string, message: string, unitCode: string | null = null) => errors.push({ index: row, unitCode, reason, message: `row ${row}: ${message}` });
    if (typeof raw !== 'object' || raw === null) return fail('MAPPING_INVALID_ROW', 'a row is an object with the mapping columns');
    const newCode = text(raw.newCode)?.toUpperCase() ?? null;
    if (!newCode) return fail('MAPPING_FIELD_REQUIRED', 'newCode is missing');
    const kindText = text(raw.newKind)?.toUpperCase() ?? null;
    if (kindText !== null && !(UNIT_KINDS as readonly string[]).includes(kindText)) return fail('INVALID_KIND', `newKind ${kindText} is not a unit kind`, newCode);
    const shareText = (text(raw.share) ?? 'WHOLE').toUpperCase();
    if (shareText !== 'WHOLE' && shareText !== 'PARTIAL') return fail('MAPPING_INVALID_SHARE', 'share is WHOLE or PARTIAL', newCode);
    const previousCode = text(raw.previousCode)?.toUpperCase() ?? null;
    if (previousCode !== null && previousCode !== newCode) {
      if (!live.has(previousCode)) return fail('MAPPING_UNKNOWN_PREVIOUS_CODE', `previousCode ${previousCode} is not a live unit on the plan's date`, newCode);
      if (live.has(newCode)) return fail('UNIT_CODE_TAKEN', `newCode ${newCode} is held by a live unit on the plan's date; ${previousCode} cannot take it`, newCode);
      const earlier = targets.get(newCode)?.previousCode;
      if (earlier && earlier !== previousCode) return fail('MAPPING_CONFLICTING_PREVIOUS_CODE', `${newCode} already carries on ${earlier}`, newCode);
    }
    const target = targets.get(newCode) ?? { code: newCode, previousCode: null, firstRow: row, kind: null, name: null, parentCode: null, sources: [] };
    if (previousCode !== null && previousCode !== newCode) target.previousCode = previousCode;
    target.kind = target.kind ?? (kindText as UnitKind | null);
    target.name = target.name ?? text(raw.newName);
    target.parentCode = target.parentCode ?? text(raw.newParentCode)?.toUpperCase() ?? null;
    const sourceCode = text(raw.sourceCode)?.toUpperCase() ?? null;
    const listed = Array.isArray(raw.dependents) ? raw.dependents.map((code) => text(code) ?? '') : (text(raw.dependents) ?? '').split(';');
    const dependents = listed.map((code) => code.trim().toUpperCase()).filter((code) => code.length > 0);
    if (dependents.length > 0 && shareText !== 'PARTIAL') return fail('MAPPING_DEPENDENTS_OF_WHOLE', 'dependents are listed for a PARTIAL source only (a whole source brings all of them)', newCode);
    if (sourceCode !== null && sourceCode !== newCode) target.sources.push({ row, code: sourceCode, share: shareText, dependents });
    targets.set(newCode, target);
  });

  const level = (target: Target) => {
    const kind = target.kind ?? live.get(target.previousCode ?? target.code)?.kind ?? live.get(target.sources[0]?.code ?? '')?.kind ?? 'SECURITY_TEAM';
    return LEVEL_ORDER.indexOf(kind);
  };
  const ordered = [...targets.values()].sort((a, b) => level(a) - level(b) || a.firstRow - b.firstRow);
  const operations: PlanOperationInput[] = [];
  const failed = new Set<Target>();
  // Recodes first: from then on the plan names the unit by its new code, wherever a row names it by the old one.
  const recoded = new Map([...targets.values()].filter((t) => t.previousCode).map((t) => [t.previousCode as string, t.code]));
  const current = (code: string): string => recoded.get(code) ?? code;
  for (const target of ordered) {
    if (target.previousCode) operations.push({ type: 'RECODE', unit: target.previousCode, code: target.code });
  }
  for (const target of ordered) {
    const existing = live.get(target.previousCode ?? target.code);
    if (existing) {
      if (target.name && target.name !== existing.name) {
        operations.push({ type: 'RENAME', unit: target.code, name: target.name });
        // A commune's new name states what it becomes (a thị trấn carried on after 2025 is a xã or a phường).
        const communeType = existing.kind === 'COMMUNE' ? communeTypeOf(target.name) : null;
        if (communeType) operations.push({ type: 'UPDATE', unit: target.code, attributes: { communeType } });
      }
      const parentCode = target.parentCode ? current(target.parentCode) : null;
      if (parentCode && parentCode !== (existing.parentCode ? current(existing.parentCode) : null)) operations.push({ type: 'MOVE', unit: target.code, parent: parentCode });
      continue;
    }
    const kind = target.kind ?? live.get(target.sources[0]?.code ?? '')?.kind ?? null;
    if (!kind || !target.name) {
      errors.push({ index: target.firstRow, unitCode: target.code, reason: 'MAPPING_FIELD_REQUIRED', message: `row ${target.firstRow}: a new unit needs newName (and newKind when it has no source)` });
      failed.add(target);
      continue;
    }
    const communeType = kind === 'COMMUNE' ? communeTypeOf(target.name) : null;
    operations.push({
      type: 'CREATE',
      code: target.code,
      kind,
      name: target.name,
      parent: target.parentCode ? current(target.parentCode) : null,
      ...(communeType ? { attributes: { communeType } } : {}),
    });
  }
  const formed = ordered.filter((target) => !failed.has(target));
  for (const target of formed) {
    for (const source of target.sources.filter((s) => s.share === 'PARTIAL')) {
      operations.push({ type: 'MERGE', into: target.code, sources: [{ unit: current(source.code), share: 'PARTIAL' }] });
      if (source.dependents.length > 0) operations.push({ type: 'TRANSFER', from: current(source.code), to: target.code, dependents: source.dependents.map(current) });
    }
  }
  for (const target of formed) {
    const whole = target.sources.filter((s) => s.share === 'WHOLE');
    if (whole.length > 0) operations.push({ type: 'MERGE', into: target.code, sources: whole.map((s) => ({ unit: current(s.code), share: 'WHOLE' })) });
  }
  const abolished = new Set(options.abolishKinds ?? []);
  const mergedWhole = new Set([...targets.values()].flatMap((t) => t.sources.filter((s) => s.share === 'WHOLE').map((s) => s.code)));
  for (const kind of LEVEL_ORDER.slice().reverse()) {
    if (!abolished.has(kind)) continue;
    for (const unit of tree) {
      if (unit.kind === kind && !mergedWhole.has(unit.code)) operations.push({ type: 'DISSOLVE', unit: current(unit.code), handToParent: true });
    }
  }
  return { operations, errors };
}

/** The subtype a commune-level name states: "Phường …", "Đặc khu …", "Thị trấn …", "Xã …". */
function communeTypeOf(name: string): UnitAttributes['communeType'] {
  if (/^Phường\s/u.test(name)) return 'PHUONG';
  if (/^Đặc khu\s/u.test(name)) return 'DAC_KHU';
  if (/^Thị trấn\s/u.test(name)) return 'THI_TRAN';
  if (/^Xã\s/u.test(name)) return 'XA';
  return null;
}
