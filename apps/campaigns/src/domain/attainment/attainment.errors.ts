import { badInput, notFound } from '@antt/service-kit';

/** Every reason an attainment read is refused with; clients switch on `extensions.reason`. */
export const ATTAINMENT_ERROR_REASONS = ['ATTAINMENT_DATE_OUTSIDE_PERIOD', 'ATTAINMENT_NOT_A_LEVEL', 'ATTAINMENT_UNIT_OUTSIDE_CAMPAIGN', 'ATTAINMENT_INVALID_CURSOR', 'CAMPAIGN_NOT_FOUND'] as const;
export type AttainmentErrorReason = (typeof ATTAINMENT_ERROR_REASONS)[number];

export const attainmentErrors = {
  dateOutsidePeriod: (value: string, periodStart: string, periodEnd: string) =>
    badInput('ATTAINMENT_DATE_OUTSIDE_PERIOD', `asOf: ${value} is outside the campaign's period ${periodStart}..${periodEnd}`, {
      field: 'asOf',
      value,
      periodStart,
      periodEnd,
    }),
  notALevel: (field: string, value: string, levels: readonly string[]) =>
    badInput('ATTAINMENT_NOT_A_LEVEL', `${field}: ${value} is not a level targets are judged at (${levels.join(', ')})`, { field, value, levels }),
  unitOutsideCampaign: (unitId: string, date: string) =>
    badInput('ATTAINMENT_UNIT_OUTSIDE_CAMPAIGN', `unitId: on ${date} the unit does not take part in this campaign`, { unitId, field: 'unitId', date }),
  invalidCursor: () => badInput('ATTAINMENT_INVALID_CURSOR', 'after: not a cursor this field returned', { field: 'after' }),
  campaignNotFound: (campaignId: string) => notFound('CAMPAIGN_NOT_FOUND', 'campaignId: campaign not found', { campaignId, field: 'campaignId' }),
};
