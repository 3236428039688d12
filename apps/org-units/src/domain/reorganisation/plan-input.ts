import { badInput, inputText, isUuid } from '@antt/service-kit';
import { UNIT_KINDS, type UnitAttributes, type UnitKind } from '../unit/unit.types';
import { type UnitInput } from '../unit/unit-input';
import { type PlanOperation, type PlanOperationType, type UnitRef } from './plan.types';

/** One operation as a client sends it (GraphQL input, or a row of a plan file): every field optional but `type`. */
export interface PlanOperationInput {
  type: PlanOperationType;
  unit?: string | null;
  code?: string | null;
  kind?: UnitKind | null;
  name?: string | null;
  parent?: string | null;
  managingUnit?: string | null;
  attributes?: Partial<UnitAttributes> | null;
  into?: string | null;
  intoUnits?: readonly string[] | null;
  sources?: readonly { unit: string; share?: 'WHOLE' | 'PARTIAL' | null }[] | null;
  from?: string | null;
  to?: string | null;
  dependents?: readonly string[] | null;
  handToParent?: boolean | null;
}

export const MAX_PLAN_NAME = 500;

/**
 * The canonical form of a plan's operations: refs are lower-case UUIDs or canonical codes, names canonical, the fields
 * each type needs present. A bad field is BAD_USER_INPUT naming it (`operations[12].sources[1].unit`).
 */
export function canonicalOperations(input: UnitInput, operations: readonly PlanOperationInput[]): PlanOperation[] {
  return operations.map((operation, index) => canonicalOperation(input, operation, `operations[${index}]`));
}

function canonicalOperation(input: UnitInput, op: PlanOperationInput, path: string): PlanOperation {
  const ref = (value: string | null | undefined, field: string): UnitRef => {
    if (value === null || value === undefined) throw missing(`${path}.${field}`);
    return isUuid(value) ? value.toLowerCase() : input.code(value, `${path}.${field}`);
  };
  const optionalRef = (value: string | null | undefined, field: string): UnitRef | null | undefined =>
    value === undefined ? undefined : value === null ? null : ref(value, field);
  const name = (field = 'name') => input.name(required(op.name, `${path}.${field}`), `${path}.${field}`);
  const kind = (): UnitKind => {
    const value = required(op.kind, `${path}.kind`);
    if (!(UNIT_KINDS as readonly string[]).includes(value)) throw badInput('INVALID_KIND', `${path}.kind: unknown kind`, { field: `${path}.kind` });
    return value;
  };
  const refs = (values: readonly string[] | null | undefined, field: string): UnitRef[] =>
    required(values, `${path}.${field}`).map((value, i) => ref(value, `${field}[${i}]`));
  switch (op.type) {
    case 'CREATE':
      return {
        type: 'CREATE',
        code: input.code(required(op.code, `${path}.code`), `${path}.code`),
        kind: kind(),
        name: name(),
        parent: optionalRef(op.parent, 'parent') ?? null,
        ...(op.managingUnit !== undefined ? { managingUnit: optionalRef(op.managingUnit, 'managingUnit') ?? null } : {}),
        attributes: op.attributes ?? null,
      };
    case 'RENAME':
      return { type: 'RENAME', unit: ref(op.unit, 'unit'), name: name() };
    case 'RECODE':
      return { type: 'RECODE', unit: ref(op.unit, 'unit'), code: input.code(required(op.code, `${path}.code`), `${path}.code`) };
    case 'MOVE':
      return { type: 'MOVE', unit: ref(op.unit, 'unit'), parent: ref(op.parent, 'parent') };
    case 'UPDATE':
      return {
        type: 'UPDATE',
        unit: ref(op.unit, 'unit'),
        ...(op.managingUnit !== undefined ? { managingUnit: optionalRef(op.managingUnit, 'managingUnit') ?? null } : {}),
        attributes: op.attributes ?? null,
      };
    case 'MERGE':
      return {
        type: 'MERGE',
        into: ref(op.into, 'into'),
        sources: required(op.sources, `${path}.sources`).map((source, i) => ({ unit: ref(source.unit, `sources[${i}].unit`), share: source.share ?? 'WHOLE' })),
      };
    case 'SPLIT':
      return { type: 'SPLIT', unit: ref(op.unit, 'unit'), into: refs(op.intoUnits, 'intoUnits') };
    case 'TRANSFER':
      return { type: 'TRANSFER', from: ref(op.from, 'from'), to: ref(op.to, 'to'), dependents: refs(op.dependents, 'dependents') };
    case 'RECLASSIFY':
      return {
        type: 'RECLASSIFY',
        unit: ref(op.unit, 'unit'),
        kind: kind(),
        code: input.code(required(op.code, `${path}.code`), `${path}.code`),
        ...(op.name !== undefined && op.name !== null ? { name: name() } : {}),
        ...(op.parent !== undefined ? { parent: optionalRef(op.parent, 'parent') ?? null } : {}),
        attributes: op.attributes ?? null,
      };
    case 'DISSOLVE':
      return { type: 'DISSOLVE', unit: ref(op.unit, 'unit'), handToParent: op.handToParent === true };
    default:
      throw badInput('INVALID_OPERATION', `${path}.type: unknown operation`, { field: `${path}.type` });
  }
}

/** A plan's name or legal basis. */
export function planText(value: string, field: string): string {
  return inputText(value, { field, max: MAX_PLAN_NAME });
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw missing(field);
  return value;
}

function missing(field: string) {
  return badInput('PLAN_FIELD_REQUIRED', `${field}: required for this operation`, { field });
}
