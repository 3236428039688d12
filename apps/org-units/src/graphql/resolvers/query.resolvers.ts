import { pageRequest, toConnection } from '../connection';
import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  unit: (_, { id, asOf }, { caller, unitQueries }) => unitQueries.unit(caller, id, asOf),
  unitByCode: (_, { code, asOf }, { caller, unitQueries }) => unitQueries.unitByCode(caller, code, asOf),
  units: async (_, { filter, first, after }, { caller, unitQueries }) => {
    const page = pageRequest(first, after);
    return toConnection(await unitQueries.list(caller, filter ?? {}, page), page.afterCode);
  },
  searchUnits: (_, { text, asOf, kinds, first }, { caller, unitQueries }) =>
    unitQueries.search(caller, text, { asOf, kinds, first }),
  reorganisationPlan: (_, { id }, { caller, reorganisations }) => reorganisations.plan(caller, id),
  reorganisationPlans: (_, { first }, { caller, reorganisations }) => reorganisations.plans(caller, first),
};
