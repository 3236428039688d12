import { badInput, conflict, forbidden, notFound } from '@antt/service-kit';

/**
 * Every reason assessments' recognition rules refuse a command with; clients switch on `extensions.reason`. Authorization
 * failures come from `@antt/auth` (AUTHENTICATION_REQUIRED, ROLE_REQUIRED); input bounds from the service kit (INVALID_ID,
 * INVALID_TEXT, TEXT_TOO_LONG, INVALID_DATE, DATE_OUT_OF_RANGE).
 */
export const RECOGNITION_ERROR_REASONS = [
  'ASSESSMENT_UNIT_NOT_FOUND',
  'ASSESSMENT_UNIT_OUT_OF_SCOPE',
  'ASSESSMENT_NO_RECOGNISING_BODY',
  'RECOGNISING_BODY_REQUIRED',
  'RECOGNITION_ALREADY_DECIDED',
  'RECOGNITION_REASON_REQUIRED',
  'RECOGNITION_CERTIFICATE_NOT_ALLOWED',
  'RECOGNITION_DATE_OUTSIDE_YEAR',
  'ASSESSMENT_DATE_IN_FUTURE',
  'INVALID_YEAR',
  'RECOGNITION_NOT_FOUND',
  'RECOGNITION_CRITERION_FAILED',
  'RECOGNITION_NOT_REVOCABLE',
  'RECOGNITION_REVOKED_BEFORE_GRANT',
  'RECOGNITION_NOT_CORRECTABLE',
  'RECOGNITION_CORRECTION_UNCHANGED',
  'RECOGNITION_CORRECTED_BEFORE_DECISION',
] as const;
export type RecognitionErrorReason = (typeof RECOGNITION_ERROR_REASONS)[number];

export const recognitionErrors = {
  unitNotFound: (unitId: string, field: string, date: string) =>
    notFound('ASSESSMENT_UNIT_NOT_FOUND', `${field}: no such unit on ${date}`, { unitId, field, date }),
  outOfScope: (unitId: string, reason: string) =>
    badInput('ASSESSMENT_UNIT_OUT_OF_SCOPE', `unitId: the safe standard does not apply to this unit (${reason}, R1)`, { field: 'unitId', unitId, exclusion: reason }),
  noRecognisingBody: (unitId: string, date: string) =>
    badInput('ASSESSMENT_NO_RECOGNISING_BODY', `unitId: no recognising body for this unit on ${date} (R2: no rule for its kind, or no level of the rule's kinds above it)`, { field: 'unitId', unitId, date }),
  recognisingBodyRequired: (decidingUnitId: string, date: string) =>
    forbidden('RECOGNISING_BODY_REQUIRED', "Only the People's Committee level that manages the unit (or a level above it) decides (R2).", { decidingUnitId, date }),
  alreadyDecided: (unitId: string, year: number) =>
    conflict('RECOGNITION_ALREADY_DECIDED', `unitId: a safe-standard decision for ${year} already exists (R3: one per unit and year)`, { field: 'unitId', unitId, year }),
  reasonRequired: () => badInput('RECOGNITION_REASON_REQUIRED', 'reason: required when the unit did not achieve the standard', { field: 'reason' }),
  certificateNotAllowed: (field: string) => badInput('RECOGNITION_CERTIFICATE_NOT_ALLOWED', `${field}: a certificate is issued only when ACHIEVED`, { field }),
  dateOutsideYear: (decidedOn: string, year: number) =>
    badInput('RECOGNITION_DATE_OUTSIDE_YEAR', `decidedOn: a decision for ${year} is dated in ${year} or ${year + 1}`, { field: 'decidedOn', decidedOn, year }),
  dateInFuture: (field: string, value: string, today: string) =>
    badInput('ASSESSMENT_DATE_IN_FUTURE', `${field}: ${value} lies after today (${today})`, { field, value, today }),
  incidentInWindow: (incidentIds: string[]) =>
    badInput('RECOGNITION_CRITERION_FAILED', 'outcome: a listed security incident occurred in the residential area\'s window (R6): it cannot be recognised', { field: 'outcome', criterion: 'R6', incidentIds }),
  criteriaFailed: (assessmentId: string, criteria: string[]) =>
    badInput('RECOGNITION_CRITERION_FAILED', `outcome: the unit's assessment does not meet every safe-standard criterion (${criteria.join(', ')}): it cannot be recognised`, {
      field: 'outcome',
      assessmentId,
      criteria,
    }),
  notFound: (unitId: string, year: number) => notFound('RECOGNITION_NOT_FOUND', `unitId: no ${year} safe-standard decision of this unit`, { field: 'unitId', unitId, year }),
  notRevocable: (status: string) => conflict('RECOGNITION_NOT_REVOCABLE', `unitId: only a recognition is revoked (this decision is ${status})`, { field: 'unitId', status }),
  revokedBeforeGrant: (revokedOn: string, recognisedOn: string) =>
    badInput('RECOGNITION_REVOKED_BEFORE_GRANT', `revokedOn: ${revokedOn} lies before the recognition (${recognisedOn})`, { field: 'revokedOn', revokedOn, recognisedOn }),
  notCorrectable: (status: string) =>
    conflict('RECOGNITION_NOT_CORRECTABLE', `unitId: a revoked recognition is not corrected (this decision is ${status})`, { field: 'unitId', status }),
  correctionUnchanged: (status: string) =>
    badInput('RECOGNITION_CORRECTION_UNCHANGED', `outcome: the decision is already ${status}; a correction changes the outcome`, { field: 'outcome', status }),
  correctedBeforeDecision: (correctedOn: string, decidedOn: string) =>
    badInput('RECOGNITION_CORRECTED_BEFORE_DECISION', `correctedOn: ${correctedOn} lies before the decision it corrects (${decidedOn})`, { field: 'correctedOn', correctedOn, decidedOn }),
  invalidYear: (field: string, earliest: number, latest: number) =>
    badInput('INVALID_YEAR', `${field}: must be a year between ${earliest} and ${latest}`, { field, earliest, latest }),
};
