import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  safeStandard: (unit, { year }, { caller, recognitions }) => recognitions.forUnit(caller, unit.id, year),
};
