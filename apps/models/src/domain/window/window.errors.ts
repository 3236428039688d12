import { badInput, conflict, forbidden } from '@antt/service-kit';

/** Reasons a window rule version is refused with, and the one a missing window is reported with. */
export const WINDOW_ERROR_REASONS = [
  'WINDOW_RULE_BAD_DATES',
  'WINDOW_RULE_KIND_UNKNOWN',
  'WINDOW_RULE_OVERLAP',
  'WINDOW_RULE_IN_USE',
  'WINDOW_RULE_PROVINCE_UNKNOWN',
  'WINDOW_RULE_NOT_A_PROVINCE',
  'WINDOW_KIND_REQUIRED',
  'WINDOW_KIND_MISMATCH',
  'PROVINCIAL_POLICE_REQUIRED',
  'NATIONAL_WINDOW_RULE_ADMIN_ONLY',
  'EVALUATION_WINDOW_MISSING',
] as const;
export type WindowErrorReason = (typeof WINDOW_ERROR_REASONS)[number];

export const windowErrors = {
  badDates: (field: string, message: string, details: Record<string, unknown> = {}) => badInput('WINDOW_RULE_BAD_DATES', `${field}: ${message}`, { field, ...details }),
  kindUnknown: (kind: string, index: number) => badInput('WINDOW_RULE_KIND_UNKNOWN', `unitKinds[${index}]: ${kind} is not a unit kind`, { field: `unitKinds[${index}]`, kind }),
  overlap: (ruleId: string, unitKinds: string[], validFromYear: number, validToYear: number | null) =>
    badInput(
      'WINDOW_RULE_OVERLAP',
      `validFromYear: the rule ${ruleId} (${unitKinds.length ? unitKinds.join(', ') : 'every other kind'}, ${validFromYear}–${validToYear ?? '…'}) already covers these kinds and years`,
      { field: 'validFromYear', ruleId, unitKinds, validFromYear, validToYear },
    ),
  inUse: (year: number, provinceId: string | null) =>
    badInput(
      'WINDOW_RULE_IN_USE',
      `validFromYear: ${year} already has reviews${provinceId ? " of the province's units" : ''}; its windows are fixed and a change is valid from a later year`,
      { field: 'validFromYear', year, provinceId },
    ),
  provinceUnknown: (provinceId: string) =>
    badInput('WINDOW_RULE_PROVINCE_UNKNOWN', `provinceId: no such province today (or not inside your jurisdiction)`, { field: 'provinceId', provinceId }),
  notAProvince: (provinceId: string, kind: string) =>
    badInput('WINDOW_RULE_NOT_A_PROVINCE', `provinceId: the unit ${provinceId} is a ${kind}, not a PROVINCE`, { field: 'provinceId', provinceId, kind }),
  kindRequired: () => badInput('WINDOW_KIND_REQUIRED', 'kind: name a unit kind or a unit', { field: 'kind' }),
  kindMismatch: (kind: string, unitKind: string) =>
    badInput('WINDOW_KIND_MISMATCH', `kind: the unit is a ${unitKind}, not a ${kind}`, { field: 'kind', kind, unitKind }),
  nationalRuleAdminOnly: () =>
    forbidden('NATIONAL_WINDOW_RULE_ADMIN_ONLY', 'The national evaluation windows (every province without rules of its own) are changed by a SYSTEM_ADMIN; name your province (provinceId).'),
  provincialPoliceRequired: (unitId: string) =>
    forbidden('PROVINCIAL_POLICE_REQUIRED', 'Evaluation windows are changed by the provincial police (a province-level officer) or a SYSTEM_ADMIN.', { unitId }),
  missing: (kind: string, year: number) => conflict('EVALUATION_WINDOW_MISSING', `No evaluation window rule covers ${kind} in ${year}`, { kind, year }),
};
