import { type CommandContext } from '../../domain/unit';
import { type OrgUnitsContext } from '../context';
import { type MutationResolvers } from '../__generated__/resolvers-types';

const command = ({ caller, requestId }: OrgUnitsContext): CommandContext => ({ caller, correlationId: requestId });

export const Mutation: MutationResolvers = {
  createUnit: (_, { input }, context) => context.units.createUnit(command(context), input),
  renameUnit: (_, { input }, context) => context.units.renameUnit(command(context), input),
  moveUnit: (_, { input }, context) => context.units.moveUnit(command(context), input),
  updateUnit: (_, { input }, context) => context.units.updateUnit(command(context), input),
  mergeUnits: (_, { input }, context) => context.units.mergeUnits(command(context), input),
  splitUnit: (_, { input }, context) => context.units.splitUnit(command(context), input),
  dissolveUnit: (_, { input }, context) => context.units.dissolveUnit(command(context), input),
  createReorganisationPlan: (_, { input }, context) => context.reorganisations.createPlan(command(context), input),
  createReorganisationPlanFromMapping: (_, { input }, context) => context.reorganisations.createPlanFromMapping(command(context), input),
  applyReorganisationPlan: (_, { id }, context) => context.reorganisations.applyPlan(command(context), id),
};
