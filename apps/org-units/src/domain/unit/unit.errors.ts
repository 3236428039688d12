import { badInput, conflict, notFound } from '@antt/service-kit';

/**
 * Every reason org-units' own rules refuse a request with; clients switch on `extensions.reason`. Authorization
 * failures come from `@antt/auth` (AUTHENTICATION_REQUIRED, ROLE_REQUIRED, OUTSIDE_JURISDICTION).
 */
export const UNIT_ERROR_REASONS = [
  'UNIT_NOT_FOUND',
  'UNIT_CODE_TAKEN',
  'UNIT_INVALID_INPUT',
  'UNIT_INVALID_DATE',
  'UNIT_PARENT_REQUIRED',
  'UNIT_PARENT_NOT_ALLOWED',
  'UNIT_PARENT_KIND_NOT_ALLOWED',
  'UNIT_PARENT_NOT_LIVE',
  'UNIT_PLACEMENT_NOT_IN_FORCE',
  'UNIT_MANAGING_UNIT_REQUIRED',
  'UNIT_MANAGING_UNIT_NOT_ALLOWED',
  'UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED',
  'UNIT_MANAGING_UNIT_NOT_LIVE',
  'UNIT_CYCLE',
  'UNIT_DATE_BEFORE_CREATION',
  'UNIT_CHANGE_IN_PAST',
  'UNIT_DISSOLVED',
  'UNIT_NOTHING_CHANGED',
  'UNIT_HAS_LIVE_CHILDREN',
  'UNIT_MANAGES_LIVE_UNITS',
  'UNIT_MERGE_INVALID',
  'UNIT_MERGE_KIND_MISMATCH',
  'UNIT_SPLIT_INVALID',
  'UNIT_SPLIT_CHILDREN_UNASSIGNED',
] as const;
export type UnitErrorReason = (typeof UNIT_ERROR_REASONS)[number];

type Details = Record<string, unknown>;

export const unitErrors = {
  notFound: (details: Details) => notFound('UNIT_NOT_FOUND', 'Unit not found', details),
  codeTaken: (code: string) => conflict('UNIT_CODE_TAKEN', `Unit code "${code}" is already used`, { unitCode: code }),
  invalidInput: (message: string, details: Details = {}) => badInput('UNIT_INVALID_INPUT', message, details),
  invalidDate: (value: string) => badInput('UNIT_INVALID_DATE', `"${value}" is not a date (YYYY-MM-DD)`, { value }),
  parentRequired: (kind: string) => badInput('UNIT_PARENT_REQUIRED', `A ${kind} must have a parent`, { kind }),
  parentNotAllowed: (kind: string) => badInput('UNIT_PARENT_NOT_ALLOWED', `A ${kind} has no parent`, { kind }),
  parentKindNotAllowed: (kind: string, parentKind: string, allowed: readonly string[]) =>
    badInput('UNIT_PARENT_KIND_NOT_ALLOWED', `A ${kind} cannot sit under a ${parentKind}`, { kind, parentKind, allowed }),
  parentNotLive: (parentId: string, date: string) =>
    badInput('UNIT_PARENT_NOT_LIVE', 'The parent does not exist for the whole period', { parentId, date }),
  placementNotInForce: (kind: string, relation: string, otherKind: string, date: string, from: string | null, until: string | null) =>
    badInput(
      'UNIT_PLACEMENT_NOT_IN_FORCE',
      `On ${date} a ${kind} cannot have a ${otherKind} as its ${relation === 'parent' ? 'parent' : 'managing unit'} (allowed ${from ? `from ${from}` : ''}${from && until ? ' ' : ''}${until ? `until ${until}` : ''})`,
      { kind, relation, otherKind, date, from, until },
    ),
  managingUnitRequired: (kind: string) =>
    badInput('UNIT_MANAGING_UNIT_REQUIRED', `A ${kind} must have a managing unit`, { kind }),
  managingUnitNotAllowed: (kind: string) =>
    badInput('UNIT_MANAGING_UNIT_NOT_ALLOWED', `A ${kind} has no managing unit`, { kind }),
  managingUnitKindNotAllowed: (kind: string, managingKind: string, allowed: readonly string[]) =>
    badInput('UNIT_MANAGING_UNIT_KIND_NOT_ALLOWED', `A ${kind} cannot be managed by a ${managingKind}`, {
      kind,
      managingKind,
      allowed,
    }),
  managingUnitNotLive: (managingUnitId: string, date: string) =>
    badInput('UNIT_MANAGING_UNIT_NOT_LIVE', 'The managing unit does not exist for the whole period', {
      managingUnitId,
      date,
    }),
  cycle: (unitId: string, parentId: string) =>
    badInput('UNIT_CYCLE', 'A unit cannot be placed under itself or one of its descendants', { unitId, parentId }),
  dateBeforeCreation: (unitId: string, date: string, createdOn: string) =>
    badInput('UNIT_DATE_BEFORE_CREATION', 'The date is before the unit was created', { unitId, date, createdOn }),
  changeInPast: (unitId: string, date: string, latestValidFrom: string) =>
    badInput(
      'UNIT_CHANGE_IN_PAST',
      'The date is before the unit\'s latest change; pass `correction: { reason }` to rewrite history',
      { unitId, date, latestValidFrom },
    ),
  dissolved: (unitId: string, dissolvedOn: string) =>
    conflict('UNIT_DISSOLVED', 'The unit is dissolved; only a correction before its dissolution can change it', {
      unitId,
      dissolvedOn,
    }),
  nothingChanged: (unitId: string) => badInput('UNIT_NOTHING_CHANGED', 'The change leaves the unit as it was', { unitId }),
  hasLiveChildren: (unitId: string, childIds: string[]) =>
    conflict('UNIT_HAS_LIVE_CHILDREN', 'The unit still has live children; move them first or dissolve with cascade', {
      unitId,
      childIds: childIds.slice(0, 20),
      childCount: childIds.length,
    }),
  managesLiveUnits: (unitId: string, managedIds: string[]) =>
    conflict('UNIT_MANAGES_LIVE_UNITS', 'The unit still manages live units; give them another managing unit first', {
      unitId,
      managedIds: managedIds.slice(0, 20),
      managedCount: managedIds.length,
    }),
  mergeInvalid: (message: string, details: Details = {}) => badInput('UNIT_MERGE_INVALID', message, details),
  mergeKindMismatch: (kinds: string[]) =>
    badInput('UNIT_MERGE_KIND_MISMATCH', 'Only units of one kind can be merged', { kinds }),
  splitInvalid: (message: string, details: Details = {}) => badInput('UNIT_SPLIT_INVALID', message, details),
  splitChildrenUnassigned: (unitId: string, childIds: string[]) =>
    badInput('UNIT_SPLIT_CHILDREN_UNASSIGNED', 'Every live child must be assigned to one of the new units', {
      unitId,
      childIds: childIds.slice(0, 20),
      childCount: childIds.length,
    }),
};
