import { unitErrors } from './unit.errors';
import { type UnitKind } from './unit.types';

const ADMINISTRATIVE: readonly UnitKind[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

export interface PlacementRule {
  /** Kinds the parent may have; empty means the unit has no parent. */
  parentKinds: readonly UnitKind[];
  /** Kinds the managing unit may have; empty means the unit has no managing unit. */
  managingKinds: readonly UnitKind[];
  managingRequired: boolean;
}

/**
 * Where each kind may sit in the tree. Levels are data: after 01/07/2025 districts are gone, so a commune may sit
 * directly under the province.
 */
export const PLACEMENT_RULES: Readonly<Record<UnitKind, PlacementRule>> = {
  PROVINCE: { parentKinds: [], managingKinds: [], managingRequired: false },
  DISTRICT: { parentKinds: ['PROVINCE'], managingKinds: [], managingRequired: false },
  COMMUNE: { parentKinds: ['DISTRICT', 'PROVINCE'], managingKinds: [], managingRequired: false },
  RESIDENTIAL_AREA: { parentKinds: ['COMMUNE'], managingKinds: [], managingRequired: false },
  DEPARTMENT: { parentKinds: ['PROVINCE', 'DISTRICT'], managingKinds: [], managingRequired: false },
  AGENCY: { parentKinds: ADMINISTRATIVE, managingKinds: ADMINISTRATIVE, managingRequired: true },
  ENTERPRISE: { parentKinds: ADMINISTRATIVE, managingKinds: ADMINISTRATIVE, managingRequired: true },
  SCHOOL: { parentKinds: ADMINISTRATIVE, managingKinds: ADMINISTRATIVE, managingRequired: true },
  SECURITY_TEAM: { parentKinds: ['COMMUNE', 'RESIDENTIAL_AREA'], managingKinds: ['COMMUNE'], managingRequired: false },
};

/** Kinds that need a managing unit and take their parent as one when none is given. */
export function defaultsManagingUnitToParent(kind: UnitKind): boolean {
  return PLACEMENT_RULES[kind].managingRequired;
}

/** Throws the rule's error unless a unit of `kind` may sit under a parent of `parentKind` (null: no parent). */
export function assertParentKind(kind: UnitKind, parentKind: UnitKind | null): void {
  const { parentKinds } = PLACEMENT_RULES[kind];
  if (parentKind === null) {
    if (parentKinds.length > 0) throw unitErrors.parentRequired(kind);
    return;
  }
  if (parentKinds.length === 0) throw unitErrors.parentNotAllowed(kind);
  if (!parentKinds.includes(parentKind)) throw unitErrors.parentKindNotAllowed(kind, parentKind, parentKinds);
}

/** Throws the rule's error unless a unit of `kind` may be managed by a unit of `managingKind` (null: none). */
export function assertManagingKind(kind: UnitKind, managingKind: UnitKind | null): void {
  const { managingKinds, managingRequired } = PLACEMENT_RULES[kind];
  if (managingKind === null) {
    if (managingRequired) throw unitErrors.managingUnitRequired(kind);
    return;
  }
  if (managingKinds.length === 0) throw unitErrors.managingUnitNotAllowed(kind);
  if (!managingKinds.includes(managingKind)) {
    throw unitErrors.managingUnitKindNotAllowed(kind, managingKind, managingKinds);
  }
}

/** A unit cannot go under itself or under one of its own descendants (`newParentAncestry` = the parent and its ancestors). */
export function assertNoCycle(unitId: string, newParentId: string, newParentAncestry: readonly string[]): void {
  if (newParentId === unitId || newParentAncestry.includes(unitId)) throw unitErrors.cycle(unitId, newParentId);
}
