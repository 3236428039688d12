import { type CommandContext } from '../../domain/campaign';
import { pledgeErrors } from '../../domain/pledge';
import { type CampaignsContext } from '../context';
import { type MutationResolvers } from '../__generated__/resolvers-types';

const command = ({ caller, requestId }: CampaignsContext): CommandContext => ({ caller, correlationId: requestId });

export const Mutation: MutationResolvers = {
  createCampaign: (_, { input }, context) => context.campaigns.createCampaign(command(context), input),
  launchCampaign: (_, { id, reason }, context) => context.campaigns.launchCampaign(command(context), id, reason),
  closeCampaign: (_, { id, reason }, context) => context.campaigns.closeCampaign(command(context), id, reason),
  setCampaignDeadline: (_, { input }, context) => context.campaigns.setDeadline(command(context), input),
  setCampaignTarget: (_, { input }, context) => context.campaigns.setTarget(command(context), input),
  registerUnit: (_, { input }, context) => context.registrations.register(command(context), input),
  registerUnits: (_, { input }, context) => context.registrations.registerMany(command(context), input),
  withdrawRegistration: (_, { input }, context) => context.registrations.withdraw(command(context), input),
  importPledges: (_, { input }, context) => context.pledges.importCsv(command(context), input),
  signPledge: async (_, { input }, context) => {
    const id = await context.pledges.sign(command(context), input);
    return (await context.pledgeQueries.byId(context.caller, id)) ?? Promise.reject(pledgeErrors.notFound(id));
  },
  erasePledge: async (_, { input }, context) => {
    const id = await context.pledges.erase(command(context), input);
    return (await context.pledgeQueries.byId(context.caller, id)) ?? Promise.reject(pledgeErrors.notFound(id));
  },
};
