import { badInput, conflict, notFound } from '@antt/service-kit';

/**
 * Every reason awards' own rules refuse a command with; clients switch on `extensions.reason`. Authorization failures come from
 * `@antt/auth` (AUTHENTICATION_REQUIRED, ROLE_REQUIRED); input bounds from the service kit (INVALID_ID, INVALID_TEXT, …).
 */
export const AWARD_ERROR_REASONS = [
  'AWARD_CAMPAIGN_NOT_FOUND',
  'AWARD_UNIT_NOT_FOUND',
  'AWARD_FORM_UNKNOWN',
  'AWARD_FORM_NOT_IN_SCHEME',
  'AWARD_FORM_NOT_FOR_RECIPIENT',
  'AWARD_SCHEME_MISSING',
  'AWARD_LEGAL_GROUND_UNKNOWN',
  'INVALID_CONDITION',
  'INVALID_QUOTA',
  'INVALID_COUNT',
  'DUPLICATE_FORM',
  'NOMINATION_NOT_FOUND',
  'NOMINATION_INVALID_TRANSITION',
  'NOMINATION_NOT_APPRAISED',
  'NOMINATION_APPRAISED_INELIGIBLE',
  'DOSSIER_INCOMPLETE',
  'ALREADY_AWARDED',
  'DUPLICATE_NOMINATION',
  'QUOTA_EXHAUSTED',
  'INVALID_NOMINEE',
  'INVALID_BIRTH_DATE',
  'INVALID_CITIZEN_ID',
  'PERSON_FACT_NOT_FOUND',
  'INVALID_FACT_PERIOD',
  'INVALID_YEAR',
  'TEAM_RATINGS_REFUSED',
] as const;
export type AwardErrorReason = (typeof AWARD_ERROR_REASONS)[number];

export const awardErrors = {
  campaignNotFound: (campaignId: string, field = 'campaignId') => notFound('AWARD_CAMPAIGN_NOT_FOUND', `${field}: campaign not found`, { campaignId, field }),
  unitNotFound: (unitId: string, field = 'unitId') => notFound('AWARD_UNIT_NOT_FOUND', `${field}: unit not found`, { unitId, field }),
  formUnknown: (formCode: string, field: string, on: string) =>
    badInput('AWARD_FORM_UNKNOWN', `${field}: ${formCode} is not a form of the catalogue in force on ${on}`, { field, formCode, on }),
  formNotInScheme: (formCode: string, field = 'formCode') =>
    badInput('AWARD_FORM_NOT_IN_SCHEME', `${field}: ${formCode} is not a form of the campaign's scheme`, { field, formCode }),
  formNotForRecipient: (formCode: string, recipientKind: string, field = 'formCode') =>
    badInput('AWARD_FORM_NOT_FOR_RECIPIENT', `${field}: ${formCode} is not awarded to ${recipientKind}`, { field, formCode, recipientKind }),
  schemeMissing: (campaignId: string) => badInput('AWARD_SCHEME_MISSING', 'campaignId: the campaign has no award scheme', { field: 'campaignId', campaignId }),
  legalGroundUnknown: (legalGround: string, allowed: readonly string[]) =>
    badInput('AWARD_LEGAL_GROUND_UNKNOWN', `input.legalGround: ${legalGround} is not a legal ground of the form (${allowed.join(', ')})`, { field: 'input.legalGround', legalGround, allowed }),
  invalidCondition: (field: string, message: string) => badInput('INVALID_CONDITION', `${field}: ${message}`, { field }),
  invalidQuota: (field: string) => badInput('INVALID_QUOTA', `${field}: a quota is a whole number from 0 to 100000, or null`, { field }),
  duplicateForm: (field: string, formCode: string) => badInput('DUPLICATE_FORM', `${field}: ${formCode} is named twice`, { field, formCode }),
  nominationNotFound: (id: string, field = 'id') => notFound('NOMINATION_NOT_FOUND', `${field}: nomination not found`, { nominationId: id, field }),
  invalidTransition: (id: string, from: string, to: string) =>
    conflict('NOMINATION_INVALID_TRANSITION', `A ${from} nomination cannot become ${to}`, { nominationId: id, from, to }),
  notAppraised: (id: string, status: string) =>
    conflict('NOMINATION_NOT_APPRAISED', 'A nomination is decided only after its appraisal and the council’s review', { nominationId: id, status }),
  appraisedIneligible: (id: string) => conflict('NOMINATION_APPRAISED_INELIGIBLE', 'The appraisal board found the nomination ineligible', { nominationId: id }),
  dossierIncomplete: (missing: readonly string[]) =>
    badInput('DOSSIER_INCOMPLETE', `dossier: incomplete (${missing.join(', ')}) — R27`, { field: `dossier.${missing[0]}`, missing }),
  /** R19 for a collective: the unit and the other nomination are named (the caller sees the unit). */
  alreadyAwarded: (unitId: string, campaignId: string, nominationId: string) =>
    conflict('ALREADY_AWARDED', 'The subject was already awarded in this campaign (R19: one achievement, one award)', { unitId, campaignId, awardedNominationId: nominationId }),
  duplicateNomination: (unitId: string, campaignId: string, nominationId: string) =>
    conflict('DUPLICATE_NOMINATION', 'An open nomination of the subject for this campaign exists (R19)', { unitId, campaignId, openNominationId: nominationId }),
  /**
   * R19 for a person or household: the same reasons, naming only the input field, never the other nomination (it may lie in a
   * unit outside the caller's jurisdiction) nor anything of the person.
   */
  personAlreadyAwarded: (campaignId: string) =>
    conflict('ALREADY_AWARDED', 'input.nominee: this person or household was already awarded in this campaign (R19)', { campaignId, field: 'input.nominee' }),
  duplicatePerson: (campaignId: string) =>
    conflict('DUPLICATE_NOMINATION', 'input.nominee: an open nomination of this person or household for this campaign exists (R19)', { campaignId, field: 'input.nominee' }),
  invalidNominee: (field: string, message: string) => badInput('INVALID_NOMINEE', `${field}: ${message}`, { field }),
  invalidBirthDate: (field: string, message: string) => badInput('INVALID_BIRTH_DATE', `${field}: ${message}`, { field }),
  personFactNotFound: (id: string, field = 'id') => notFound('PERSON_FACT_NOT_FOUND', `${field}: person fact not found`, { factId: id, field }),
  invalidFactPeriod: (field: string, message: string) => badInput('INVALID_FACT_PERIOD', `${field}: ${message}`, { field }),
  invalidCitizenId: (field: string) => badInput('INVALID_CITIZEN_ID', `${field}: a citizen ID is 12 digits`, { field }),
  /** R25: every refused row of a commune's team ratings by field, with its code and reason; nothing was written. */
  teamRatingsRefused: (rejections: ReadonlyArray<{ field: string; code: string; reason: string }>) =>
    badInput('TEAM_RATINGS_REFUSED', `${rejections.length} row(s) refused; nothing was written`, {
      field: rejections[0]?.field ?? 'input.teams',
      rejected: rejections.length,
      rejections: rejections.slice(0, 1000),
    }),
  quotaExhausted: (formCode: string, quota: number) =>
    conflict('QUOTA_EXHAUSTED', `Every place of ${formCode} in the campaign (${quota}) is taken`, { formCode, quota }),
};
