import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  safeStandardDecisions: (_, { year, decidingUnitId }, { caller, recognitions }) => recognitions.decidedBy(caller, decidingUnitId, year),
};
