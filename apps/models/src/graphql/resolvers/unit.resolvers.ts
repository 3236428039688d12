import { type UnitResolvers } from '../__generated__/resolvers-types';

export const Unit: UnitResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  models: (unit, { status }, { caller, modelQueries }) => modelQueries.hostedBy(caller, unit.id, status),
  hasEffectiveModel: (unit, { year }, { caller, reviewQueries }) => reviewQueries.hasEffectiveModel(caller, unit.id, year),
};
