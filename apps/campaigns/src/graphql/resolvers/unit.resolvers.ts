import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  registration: (unit, { campaignId }, { caller, registrationQueries }) => registrationQueries.registrationOf(caller, unit.id, campaignId),
  attainment: (unit, { campaignId, ...args }, { caller, attainment }) => attainment.ofUnit(caller, unit.id, campaignId, args),
};
