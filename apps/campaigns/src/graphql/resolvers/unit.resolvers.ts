import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  registration: (unit, { campaignId }, { caller, registrationQueries }) => registrationQueries.registrationOf(caller, unit.id, campaignId),
  pledgeCoverage: (unit, { campaignId, asOf }, { caller, pledgeQueries }) => pledgeQueries.coverage(caller, unit.id, campaignId, asOf),
  pledges: (unit, { campaignId, first }, { caller, pledgeQueries }) => pledgeQueries.ofUnit(caller, unit.id, campaignId, first),
};
