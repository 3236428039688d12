import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  registration: (unit, { campaignId }, { caller, registrationQueries }) => registrationQueries.registrationOf(caller, unit.id, campaignId),
  pledgeCoverage: (unit, { campaignId, asOf, includeBelow }, { caller, pledgeQueries }) => pledgeQueries.coverage(caller, unit.id, campaignId, asOf, includeBelow ?? false),
  pledges: (unit, { campaignId, first }, { caller, pledgeQueries }) => pledgeQueries.ofUnit(caller, unit.id, campaignId, first),
  attainment: (unit, { campaignId, ...args }, { caller, attainment }) => attainment.ofUnit(caller, unit.id, campaignId, args),
};
