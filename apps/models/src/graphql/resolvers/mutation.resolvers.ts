import { type CommandContext } from '../../domain/model';
import { type ModelsContext } from '../context';
import { type MutationResolvers } from '../__generated__/resolvers-types';

const command = ({ caller, requestId }: ModelsContext): CommandContext => ({ caller, correlationId: requestId });

export const Mutation: MutationResolvers = {
  defineModelType: (_, { input }, context) => context.models.defineType(command(context), input),
  createModel: (_, { input }, context) => context.models.createModel(command(context), input),
  replicateModel: (_, { input }, context) => context.models.replicateModel(command(context), input),
  reviewModel: (_, { input }, context) => context.reviews.reviewModel(command(context), input),
  suspendModel: (_, { input }, context) => context.models.suspendModel(command(context), input),
  resumeModel: (_, { input }, context) => context.models.resumeModel(command(context), input),
  dissolveModel: (_, { input }, context) => context.models.dissolveModel(command(context), input),
  addModelSite: (_, { input }, context) => context.sites.addSite(command(context), input),
  addModelTeam: (_, { input }, context) => context.sites.addTeam(command(context), input),
  closeModelSite: (_, { input }, context) => context.sites.closeSite(command(context), input),
  disbandModelTeam: (_, { input }, context) => context.sites.disbandTeam(command(context), input),
  updateModelTeamMembers: (_, { input }, context) => context.sites.updateTeamMembers(command(context), input),
  recordModelTraining: (_, { input }, context) => context.trainings.recordTraining(command(context), input),
  recogniseAdvancedExample: (_, { input }, context) => context.examples.recognise(command(context), input),
  addEvaluationWindowRule: (_, { input }, context) => context.windowRules.addRule(command(context), input),
};
