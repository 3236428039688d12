import { type Caller } from '@antt/auth';
import { type Correction, type UnitAttributes, type UnitKind } from './unit.types';

/** Who asks, and the id that ties the events of one request together. */
export interface CommandContext {
  caller: Caller;
  correlationId?: string;
}

/** A unit to bring into existence (by itself, or as the target of a merge, or a part of a split). */
export interface NewUnitSpec {
  code: string;
  kind: UnitKind;
  name: string;
  parentId?: string | null;
  /** Defaults to the parent for kinds that need a managing unit. */
  managingUnitId?: string | null;
  attributes?: Partial<UnitAttributes> | null;
}

export interface CreateUnitInput extends NewUnitSpec {
  effectiveDate: string;
}

interface DatedChange {
  unitId: string;
  effectiveDate: string;
  /** Required when the date is before the unit's latest change: history is rewritten and published as `corrected`. */
  correction?: Correction | null;
}

export interface RenameUnitInput extends DatedChange {
  name: string;
}

export interface MoveUnitInput extends DatedChange {
  parentId: string;
}

export interface UpdateUnitInput extends DatedChange {
  /** Undefined keeps the managing unit. */
  managingUnitId?: string | null;
  attributes?: Partial<UnitAttributes> | null;
}

export interface DissolveUnitInput extends DatedChange {
  reason: string;
  /** Dissolve every live descendant too; without it a unit with live children is refused. */
  cascade?: boolean | null;
}

export interface MergeUnitsInput {
  sourceIds: string[];
  /** An existing unit that absorbs the sources … */
  targetId?: string | null;
  /** … or a new one created on the merge date (same kind as the sources). */
  newTarget?: Omit<NewUnitSpec, 'kind'> | null;
  effectiveDate: string;
  reason: string;
  correction?: Correction | null;
}

export interface SplitUnitInput {
  unitId: string;
  /** The new units (same kind as the source unless given). */
  into: (Omit<NewUnitSpec, 'kind'> & { kind?: UnitKind | null })[];
  /** Children and managed units of the source, each handed to one of the new units (by code). */
  assignments?: { unitId: string; toCode: string }[] | null;
  /** Keep the source alive (a part split off); otherwise it is dissolved on the split date. */
  keepSource?: boolean | null;
  effectiveDate: string;
  reason: string;
  correction?: Correction | null;
}
