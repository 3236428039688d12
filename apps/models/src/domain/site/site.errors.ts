import { badInput } from '@antt/service-kit';

/** Reasons a site or a team is refused with, beside the model's own (MODEL_NOT_FOUND, MODEL_DATE_IN_FUTURE, …). */
export const SITE_ERROR_REASONS = ['SITE_OUTSIDE_HOST', 'SITE_NOT_OF_MODEL', 'TEAM_INVALID_MEMBER_COUNT', 'TEAM_MEMBERS_EXCEED_COUNT'] as const;

export const siteErrors = {
  outsideHost: (unitId: string, hostUnitId: string, date: string) =>
    badInput('SITE_OUTSIDE_HOST', `unitId: on ${date} the unit is not the model's host or a unit below it`, { field: 'unitId', unitId, hostUnitId, date }),
  notOfModel: (siteId: string) => badInput('SITE_NOT_OF_MODEL', 'siteId: no such site of this model', { field: 'siteId', siteId }),
  invalidMemberCount: (value: number) =>
    badInput('TEAM_INVALID_MEMBER_COUNT', 'memberCount: a whole number from 1 to 10000', { field: 'memberCount', value }),
  membersExceedCount: (named: number, memberCount: number) =>
    badInput('TEAM_MEMBERS_EXCEED_COUNT', `members: ${named} named members for a team of ${memberCount}`, { field: 'members', named, memberCount }),
};
