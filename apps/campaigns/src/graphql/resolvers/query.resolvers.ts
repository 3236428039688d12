import { allLabels } from '../../domain/shared';
import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  campaign: (_, { id }, { caller, campaignQueries }) => campaignQueries.campaign(caller, id),
  campaigns: (_, { year, status, first }, { caller, campaignQueries }) => campaignQueries.list(caller, { year, status, first }),
  campaignLabels: () => allLabels(),
  pledge: (_, { id }, { caller, pledgeQueries }) => pledgeQueries.byId(caller, id),
};
