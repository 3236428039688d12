import { type ModelSiteResolvers, type ModelTeamResolvers } from '../__generated__/resolvers-types';

export const ModelSite: ModelSiteResolvers = {
  unit: (site) => ({ id: site.unitId }),
};

export const ModelTeam: ModelTeamResolvers = {
  members: (team, _, { caller, siteQueries }) => siteQueries.membersOf(caller, team),
};
