import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  awards: (unit, _, { caller, nominations }) => nominations.awardsOf(caller, unit.id),
  eligibility: (unit, { campaignId }, { caller, nominations }) => nominations.eligibilityOf(caller, unit.id, campaignId),
};
