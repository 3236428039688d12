import { badInput, conflict, notFound } from '@antt/service-kit';

/** Every reason campaigns' rules refuse a registration with; clients switch on `extensions.reason`. */
export const REGISTRATION_ERROR_REASONS = [
  'REGISTRATION_UNIT_NOT_FOUND',
  'REGISTRATION_UNIT_OUTSIDE_CAMPAIGN',
  'REGISTRATION_KIND_NOT_ALLOWED',
  'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE',
  'REGISTRATION_NOTHING_REGISTERED',
  'REGISTRATION_EXISTS',
  'REGISTRATION_NOT_FOUND',
  'REGISTRATION_CAMPAIGN_NOT_LAUNCHED',
  'REGISTRATION_DATE_OUTSIDE_PERIOD',
  'REGISTRATION_DATE_IN_FUTURE',
  'REGISTRATION_DEADLINE_PASSED',
  'REGISTRATION_TOO_MANY',
  'REGISTRATION_DUPLICATE_UNIT',
] as const;
export type RegistrationErrorReason = (typeof REGISTRATION_ERROR_REASONS)[number];

export const registrationErrors = {
  unitNotFound: (unitId: string, field: string, date: string) =>
    notFound('REGISTRATION_UNIT_NOT_FOUND', `${field}: no such unit on ${date}`, { unitId, field, date }),
  unitOutsideCampaign: (unitId: string, field: string, date: string) =>
    badInput('REGISTRATION_UNIT_OUTSIDE_CAMPAIGN', `${field}: on ${date} the unit does not take part in this campaign`, { unitId, field, date }),
  kindNotAllowed: (unitId: string, field: string, kind: string) =>
    badInput('REGISTRATION_KIND_NOT_ALLOWED', `${field}: a ${kind} does not register; its units do`, { unitId, field, kind }),
  outsideSafeStandardScope: (unitId: string, field: string, exclusion: string) =>
    badInput(
      'REGISTRATION_OUTSIDE_SAFE_STANDARD_SCOPE',
      `${field}: the safe standard (Circular 124) does not apply to this unit (${exclusion}); it may register for classification only`,
      { unitId, field, exclusion },
    ),
  nothingRegistered: (field: string) =>
    badInput('REGISTRATION_NOTHING_REGISTERED', `${field}: register for the safe standard, classification or both`, { field }),
  exists: (unitId: string, field: string, campaignId: string) =>
    conflict('REGISTRATION_EXISTS', `${field}: the unit is already registered in this campaign or one of its family`, { unitId, field, campaignId }),
  notFound: (unitId: string) => notFound('REGISTRATION_NOT_FOUND', 'unitId: the unit has no registration in this campaign', { unitId, field: 'unitId' }),
  campaignNotLaunched: (campaignId: string, status: string) =>
    conflict('REGISTRATION_CAMPAIGN_NOT_LAUNCHED', 'campaignId: units register only while the campaign is launched', { campaignId, status, field: 'campaignId' }),
  dateOutsidePeriod: (value: string, periodStart: string, periodEnd: string) =>
    badInput('REGISTRATION_DATE_OUTSIDE_PERIOD', `registeredOn: ${value} is outside the campaign's period ${periodStart}..${periodEnd}`, {
      field: 'registeredOn',
      value,
      periodStart,
      periodEnd,
    }),
  dateInFuture: (value: string, today: string) =>
    badInput('REGISTRATION_DATE_IN_FUTURE', `registeredOn: ${value} is after today (${today})`, { field: 'registeredOn', value, today }),
  deadlinePassed: (unitId: string, deadline: string) =>
    conflict('REGISTRATION_DEADLINE_PASSED', `A registration is withdrawn only until the registration deadline (${deadline})`, { unitId, deadline }),
  tooMany: (count: number, max: number) =>
    badInput('REGISTRATION_TOO_MANY', `units: at most ${max} per request, got ${count}`, { field: 'units', max, count }),
  duplicateUnit: (field: string, unitId: string) =>
    badInput('REGISTRATION_DUPLICATE_UNIT', `${field}: the unit is listed twice`, { field, unitId }),
};
