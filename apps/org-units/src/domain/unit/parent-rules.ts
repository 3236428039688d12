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
 * Where each kind may sit in the tree, at some time: {@link PLACEMENT_PERIODS} says when. After 01/07/2025 districts are
 * gone, so a commune sits directly under the province.
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

/** The two-level local government: district-level units are abolished from this date (Resolution 202/2025/QH15). */
export const TWO_LEVEL_GOVERNMENT_FROM = '2025-07-01';

/** A placement allowed only inside a period: [from, until), either end open. Levels are dated data, not code. */
export interface PlacementPeriod {
  kind: UnitKind;
  relation: 'parent' | 'managing';
  otherKind: UnitKind;
  from?: string;
  until?: string;
}

/**
 * When placements of {@link PLACEMENT_RULES} hold: no new DISTRICT (and nothing placed under or managed by one) from
 * 01/07/2025; communes directly under a province only from then.
 */
export const PLACEMENT_PERIODS: readonly PlacementPeriod[] = [
  { kind: 'DISTRICT', relation: 'parent', otherKind: 'PROVINCE', until: TWO_LEVEL_GOVERNMENT_FROM },
  { kind: 'COMMUNE', relation: 'parent', otherKind: 'DISTRICT', until: TWO_LEVEL_GOVERNMENT_FROM },
  { kind: 'COMMUNE', relation: 'parent', otherKind: 'PROVINCE', from: TWO_LEVEL_GOVERNMENT_FROM },
  { kind: 'DEPARTMENT', relation: 'parent', otherKind: 'DISTRICT', until: TWO_LEVEL_GOVERNMENT_FROM },
  ...(['AGENCY', 'ENTERPRISE', 'SCHOOL'] as const).flatMap((kind) => [
    { kind, relation: 'parent' as const, otherKind: 'DISTRICT' as const, until: TWO_LEVEL_GOVERNMENT_FROM },
    { kind, relation: 'managing' as const, otherKind: 'DISTRICT' as const, until: TWO_LEVEL_GOVERNMENT_FROM },
  ]),
];

function assertInForce(kind: UnitKind, relation: PlacementPeriod['relation'], otherKind: UnitKind, date: string): void {
  const period = PLACEMENT_PERIODS.find((p) => p.kind === kind && p.relation === relation && p.otherKind === otherKind);
  if (!period) return;
  if ((period.from !== undefined && date < period.from) || (period.until !== undefined && date >= period.until)) {
    throw unitErrors.placementNotInForce(kind, relation, otherKind, date, period.from ?? null, period.until ?? null);
  }
}

/** Kinds that need a managing unit and take their parent as one when none is given. */
export function defaultsManagingUnitToParent(kind: UnitKind): boolean {
  return PLACEMENT_RULES[kind].managingRequired;
}

/** Throws the rule's error unless a unit of `kind` may sit under a parent of `parentKind` (null: no parent). */
export function assertParentKind(kind: UnitKind, parentKind: UnitKind | null, date: string): void {
  const { parentKinds } = PLACEMENT_RULES[kind];
  if (parentKind === null) {
    if (parentKinds.length > 0) throw unitErrors.parentRequired(kind);
    return;
  }
  if (parentKinds.length === 0) throw unitErrors.parentNotAllowed(kind);
  if (!parentKinds.includes(parentKind)) throw unitErrors.parentKindNotAllowed(kind, parentKind, parentKinds);
  assertInForce(kind, 'parent', parentKind, date);
}

/** Throws the rule's error unless a unit of `kind` may be managed by a unit of `managingKind` (null: none). */
export function assertManagingKind(kind: UnitKind, managingKind: UnitKind | null, date: string): void {
  const { managingKinds, managingRequired } = PLACEMENT_RULES[kind];
  if (managingKind === null) {
    if (managingRequired) throw unitErrors.managingUnitRequired(kind);
    return;
  }
  if (managingKinds.length === 0) throw unitErrors.managingUnitNotAllowed(kind);
  if (!managingKinds.includes(managingKind)) {
    throw unitErrors.managingUnitKindNotAllowed(kind, managingKind, managingKinds);
  }
  assertInForce(kind, 'managing', managingKind, date);
}

/** A unit cannot go under itself or under one of its own descendants (`newParentAncestry` = the parent and its ancestors). */
export function assertNoCycle(unitId: string, newParentId: string, newParentAncestry: readonly string[]): void {
  if (newParentId === unitId || newParentAncestry.includes(unitId)) throw unitErrors.cycle(unitId, newParentId);
}
