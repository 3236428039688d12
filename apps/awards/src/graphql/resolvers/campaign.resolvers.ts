import { type CampaignResolvers } from '../__generated__/resolvers-types';

export const Campaign: CampaignResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  awardSummary: (campaign, _, { caller, nominations }) => nominations.summary(caller, campaign.id),
};
