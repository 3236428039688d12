import { type ReorganisationPlanResolvers } from '../__generated__/resolvers-types';

export const ReorganisationPlan: ReorganisationPlanResolvers = {
  operationCount: (plan) => plan.operations.length,
  dryRun: (plan, _, { caller, reorganisations }) => reorganisations.dryRun(caller, plan),
};
