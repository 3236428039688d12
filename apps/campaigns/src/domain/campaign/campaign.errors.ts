import { badInput, conflict, notFound } from '@antt/service-kit';

/**
 * Every reason campaigns' own rules refuse a campaign command with; clients switch on `extensions.reason`. Authorization
 * failures come from `@antt/auth` (AUTHENTICATION_REQUIRED, ROLE_REQUIRED, OUTSIDE_JURISDICTION); input bounds from the
 * service kit (INVALID_ID, INVALID_TEXT, TEXT_TOO_LONG, INVALID_CODE, INVALID_DATE, DATE_OUT_OF_RANGE, PAGE_SIZE_TOO_LARGE).
 */
export const CAMPAIGN_ERROR_REASONS = [
  'CAMPAIGN_NOT_FOUND',
  'CAMPAIGN_UNIT_NOT_FOUND',
  'CAMPAIGN_INVALID_PERIOD',
  'CAMPAIGN_PARENT_REQUIRED',
  'CAMPAIGN_PARENT_NOT_LAUNCHED',
  'CAMPAIGN_PERIOD_OUTSIDE_PARENT',
  'CAMPAIGN_SCOPE_OUTSIDE_PARENT',
  'CAMPAIGN_SCOPE_OUTSIDE_OWNER',
  'CAMPAIGN_EXISTS',
  'CAMPAIGN_INVALID_TRANSITION',
  'CAMPAIGN_NOT_DRAFT',
  'CAMPAIGN_NOT_STRICTER',
  'CAMPAIGN_INVALID_TARGET',
  'CAMPAIGN_DATE_OUTSIDE_PERIOD',
] as const;
export type CampaignErrorReason = (typeof CAMPAIGN_ERROR_REASONS)[number];

export const campaignErrors = {
  notFound: (campaignId: string, field = 'id') => notFound('CAMPAIGN_NOT_FOUND', 'Campaign not found', { campaignId, field }),
  unitNotFound: (unitId: string, field: string, date: string) =>
    notFound('CAMPAIGN_UNIT_NOT_FOUND', `${field}: no such unit on ${date}`, { unitId, field, date }),
  invalidPeriod: (periodStart: string, periodEnd: string) =>
    badInput('CAMPAIGN_INVALID_PERIOD', 'periodEnd: the period must end on or after its start, within one year', {
      field: 'periodEnd',
      periodStart,
      periodEnd,
    }),
  parentRequired: (ownerUnitId: string, kind: string) =>
    badInput('CAMPAIGN_PARENT_REQUIRED', `parentCampaignId: a ${kind} launches its campaign under the level above's`, {
      field: 'parentCampaignId',
      ownerUnitId,
      kind,
    }),
  parentNotLaunched: (parentCampaignId: string, status: string) =>
    conflict('CAMPAIGN_PARENT_NOT_LAUNCHED', 'parentCampaignId: the parent campaign is not launched', {
      field: 'parentCampaignId',
      parentCampaignId,
      status,
    }),
  periodOutsideParent: (field: string, parentStart: string, parentEnd: string) =>
    badInput('CAMPAIGN_PERIOD_OUTSIDE_PARENT', `${field}: the period must lie within the parent's (${parentStart}..${parentEnd})`, {
      field,
      parentStart,
      parentEnd,
    }),
  scopeOutsideParent: (scopeUnitId: string, date: string) =>
    badInput('CAMPAIGN_SCOPE_OUTSIDE_PARENT', `scopeUnitId: on ${date} the unit is not strictly below the parent campaign's scope`, {
      field: 'scopeUnitId',
      scopeUnitId,
      date,
    }),
  scopeOutsideOwner: (scopeUnitId: string, date: string) =>
    badInput('CAMPAIGN_SCOPE_OUTSIDE_OWNER', `scopeUnitId: on ${date} the unit is not within the owner unit`, {
      field: 'scopeUnitId',
      scopeUnitId,
      date,
    }),
  exists: (campaignId: string) =>
    conflict('CAMPAIGN_EXISTS', 'This level already has a campaign under that parent campaign', { campaignId }),
  invalidTransition: (campaignId: string, from: string, to: string) =>
    conflict('CAMPAIGN_INVALID_TRANSITION', `A ${from} campaign cannot become ${to}`, { campaignId, from, to }),
  notDraft: (campaignId: string, status: string) =>
    conflict('CAMPAIGN_NOT_DRAFT', 'The calendar and targets change only while the campaign is a DRAFT', { campaignId, status }),
  notStricter: (campaignId: string, code: string, field: string, parentValue: string) =>
    badInput('CAMPAIGN_NOT_STRICTER', `${field}: a child campaign may only be stricter than its parent (${parentValue})`, {
      campaignId,
      code,
      field,
      parentValue,
    }),
  invalidTarget: (field: string, message: string) => badInput('CAMPAIGN_INVALID_TARGET', `${field}: ${message}`, { field }),
  dateOutsidePeriod: (field: string, value: string, periodStart: string, periodEnd: string) =>
    badInput('CAMPAIGN_DATE_OUTSIDE_PERIOD', `${field}: ${value} is outside the campaign's period ${periodStart}..${periodEnd}`, {
      field,
      value,
      periodStart,
      periodEnd,
    }),
};
