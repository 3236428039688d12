import { type LineageEventKind, type LineageShare, type UnitAttributes, type UnitKind } from '../unit/unit.types';

/** A unit named in a plan: its id (a UUID), or its code as the tree stands at that point of the plan. */
export type UnitRef = string;

/**
 * One operation of a reorganisation plan; every operation takes effect on the plan's date. The taxonomy follows the
 * dated events of France's official geographic code (name change, creation, suppression, merger, new unit from several,
 * change of kind) and adds what the 2025 reform needed: a source that goes into its successor only in part, and the
 * transfer of part of a unit (some of its dependents) to another that goes on.
 */
export type PlanOperation =
  | {
      type: 'CREATE';
      code: string;
      kind: UnitKind;
      name: string;
      parent: UnitRef | null;
      managingUnit?: UnitRef | null;
      attributes?: Partial<UnitAttributes> | null;
    }
  | { type: 'RENAME'; unit: UnitRef; name: string }
  /** The unit holds `code` from the plan's date; its old code is free for another unit from then. */
  | { type: 'RECODE'; unit: UnitRef; code: string }
  | { type: 'MOVE'; unit: UnitRef; parent: UnitRef }
  | { type: 'UPDATE'; unit: UnitRef; managingUnit?: UnitRef | null; attributes?: Partial<UnitAttributes> | null }
  /** Sources go into `into`: a WHOLE source is dissolved and its dependents follow; a PARTIAL one goes on. */
  | { type: 'MERGE'; into: UnitRef; sources: { unit: UnitRef; share: LineageShare }[] }
  /** The unit is dissolved into `into` (units that exist by then); its dependents must be placed by other operations. */
  | { type: 'SPLIT'; unit: UnitRef; into: UnitRef[] }
  /** Part of `from` goes to `to`, which goes on: the dependents named move to `to`. */
  | { type: 'TRANSFER'; from: UnitRef; to: UnitRef; dependents: UnitRef[] }
  /** The unit becomes a new unit of another kind (an island district became a special zone); its dependents follow. */
  | {
      type: 'RECLASSIFY';
      unit: UnitRef;
      kind: UnitKind;
      code: string;
      name?: string | null;
      parent?: UnitRef | null;
      attributes?: Partial<UnitAttributes> | null;
    }
  /** The unit ends; with `handToParent` its remaining dependents go to its parent of that moment (a district abolished). */
  | { type: 'DISSOLVE'; unit: UnitRef; handToParent?: boolean };

export type PlanOperationType = PlanOperation['type'];

/** Why a plan cannot be applied: the operation (index from 0; null for a whole-plan rule), the unit, a stable reason. */
export interface PlanError {
  index: number | null;
  unitCode: string | null;
  reason: string;
  message: string;
}

/** Units of one kind under parents of one kind, on one date. */
export interface PlacementCount {
  kind: UnitKind;
  parentKind: UnitKind | null;
  count: number;
}

/** What a plan does, computed without writing (dry run) or recorded when applied. */
export interface PlanReport {
  valid: boolean;
  errors: PlanError[];
  /** More errors than listed were found. */
  errorCount: number;
  before: PlacementCount[];
  after: PlacementCount[];
  created: number;
  dissolved: number;
  moved: number;
  renamed: number;
  /** Units that go on under another code from the plan's date. */
  recoded: number;
  reclassified: number;
  /** Units whose parent or managing unit changed because theirs was merged, reclassified or transferred. */
  rehomed: number;
  unitsChanged: number;
  lineageEdges: number;
}

/** A lineage edge the plan records. */
export interface PlannedLineage {
  event: LineageEventKind;
  share: LineageShare;
  predecessorId: string;
  successorId: string;
}

export type PlanStatus = 'DRAFT' | 'APPLIED';

/** A stored plan. */
export interface ReorganisationPlan {
  id: string;
  name: string;
  legalBasis: string;
  effectiveDate: string;
  status: PlanStatus;
  operations: PlanOperation[];
  correctsPlanId: string | null;
  createdBy: string;
  /** The jurisdiction unit of the caller who recorded it; null for SYSTEM_ADMIN (or a plan recorded before it was kept). */
  authorUnitId: string | null;
  createdAt: Date;
  appliedBy: string | null;
  appliedAt: Date | null;
  summary: PlanReport | null;
}
