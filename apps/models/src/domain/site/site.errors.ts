import { badInput, conflict, notFound } from '@antt/service-kit';

/** Reasons a site or a team is refused with, beside the model's own (MODEL_NOT_FOUND, MODEL_DATE_IN_FUTURE, …). */
export const SITE_ERROR_REASONS = [
  'SITE_OUTSIDE_HOST',
  'SITE_NOT_OF_MODEL',
  'SITE_NOT_FOUND',
  'SITE_ALREADY_CLOSED',
  'SITE_CLOSED_BEFORE_OPENING',
  'TEAM_NOT_FOUND',
  'TEAM_ALREADY_DISBANDED',
  'TEAM_DATE_BEFORE_FORMED',
  'TEAM_DATE_BEFORE_LAST_COUNT',
  'TEAM_INVALID_MEMBER_COUNT',
  'TEAM_MEMBERS_EXCEED_COUNT',
] as const;

export const siteErrors = {
  outsideHost: (unitId: string, hostUnitId: string, date: string) =>
    badInput('SITE_OUTSIDE_HOST', `unitId: on ${date} the unit is not the model's host or a unit below it`, { field: 'unitId', unitId, hostUnitId, date }),
  notOfModel: (siteId: string) => badInput('SITE_NOT_OF_MODEL', 'siteId: no such site of this model', { field: 'siteId', siteId }),
  siteNotFound: (siteId: string) => notFound('SITE_NOT_FOUND', 'siteId: site not found', { field: 'siteId', siteId }),
  siteClosed: (siteId: string, closedOn: string) => conflict('SITE_ALREADY_CLOSED', `The site closed on ${closedOn}`, { siteId, closedOn }),
  closedBeforeOpening: (closedOn: string, openedOn: string) =>
    badInput('SITE_CLOSED_BEFORE_OPENING', `closedOn: ${closedOn} lies before the site opened (${openedOn})`, { field: 'closedOn', closedOn, openedOn }),
  teamNotFound: (teamId: string) => notFound('TEAM_NOT_FOUND', 'teamId: team not found', { field: 'teamId', teamId }),
  teamDisbanded: (teamId: string, disbandedOn: string) =>
    conflict('TEAM_ALREADY_DISBANDED', `The team was disbanded on ${disbandedOn}`, { teamId, disbandedOn }),
  beforeFormed: (field: string, value: string, formedOn: string) =>
    badInput('TEAM_DATE_BEFORE_FORMED', `${field}: ${value} lies before the team was formed (${formedOn})`, { field, value, formedOn }),
  beforeLastCount: (value: string, lastOn: string) =>
    badInput('TEAM_DATE_BEFORE_LAST_COUNT', `effectiveOn: ${value} lies before the team's last count change (${lastOn})`, { field: 'effectiveOn', value, lastOn }),
  invalidMemberCount: (value: number) =>
    badInput('TEAM_INVALID_MEMBER_COUNT', 'memberCount: a whole number from 1 to 10000', { field: 'memberCount', value }),
  membersExceedCount: (named: number, memberCount: number) =>
    badInput('TEAM_MEMBERS_EXCEED_COUNT', `members: ${named} named members for a team of ${memberCount}`, { field: 'members', named, memberCount }),
};
