import { type DirectoryAttributes } from './unit-state';

/** Why the safe standard (Circular 124) does not apply to a unit. */
export type SafeStandardExclusion = 'KIND_NOT_IN_SCOPE' | 'ARMED_FORCES_AGENCY' | 'SMALL_OR_MICRO_ENTERPRISE' | 'EARLY_OR_PRIMARY_SCHOOL';

/** Whether the safe standard applies to a unit, and if not, why. */
export interface SafeStandardScope {
  applies: boolean;
  reason: SafeStandardExclusion | null;
}

const IN_SCOPE: SafeStandardScope = { applies: true, reason: null };
const excluded = (reason: SafeStandardExclusion): SafeStandardScope => ({ applies: false, reason });

/**
 * R1 (Circular 124): the safe standard applies to residential areas, communes, agencies (not armed forces),
 * enterprises (not small or micro) and schools (not primary, preschool or nursery). Provincial departments are agencies
 * of the province. An unknown size or level is in scope until the unit says otherwise. org-units serves it as
 * `Unit.safeStandardScope`; services holding a unit directory decide with the same rule on the attributes they hold.
 */
export function safeStandardScope(kind: string, attributes: DirectoryAttributes): SafeStandardScope {
  switch (kind) {
    case 'RESIDENTIAL_AREA':
    case 'COMMUNE':
      return IN_SCOPE;
    case 'AGENCY':
    case 'DEPARTMENT':
      return attributes.armedForces === true ? excluded('ARMED_FORCES_AGENCY') : IN_SCOPE;
    case 'ENTERPRISE':
      return attributes.enterpriseSize === 'MICRO' || attributes.enterpriseSize === 'SMALL' ? excluded('SMALL_OR_MICRO_ENTERPRISE') : IN_SCOPE;
    case 'SCHOOL':
      return ['NURSERY', 'PRESCHOOL', 'PRIMARY'].includes(attributes.schoolLevel ?? '') ? excluded('EARLY_OR_PRIMARY_SCHOOL') : IN_SCOPE;
    default:
      return excluded('KIND_NOT_IN_SCOPE');
  }
}
