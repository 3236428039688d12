import { type CommandContext } from '../../domain/nomination';
import { type AwardsContext } from '../context';
import { type MutationResolvers } from '../__generated__/resolvers-types';

const command = ({ caller, requestId }: AwardsContext): CommandContext => ({ caller, correlationId: requestId });

export const Mutation: MutationResolvers = {
  setAwardScheme: (_, { input }, context) => context.schemes.set(context.caller, input),
  createNomination: (_, { input }, context) => context.nominations.create(command(context), input),
  updateNominationDossier: (_, { id, dossier }, context) => context.nominations.updateDossier(command(context), id, dossier),
  submitNomination: (_, { id }, context) => context.nominations.submit(command(context), id),
  receiveNomination: (_, { id }, context) => context.nominations.receive(command(context), id),
  appraiseNomination: (_, { id, eligible, reason }, context) => context.nominations.appraise(command(context), id, eligible, reason),
  reviewNominationInCouncil: (_, { id, votesFor, votesAgainst, votesAbstain }, context) =>
    context.nominations.councilReview(command(context), id, { for: votesFor, against: votesAgainst, abstain: votesAbstain }),
  decideNomination: (_, { input }, context) => context.nominations.decide(command(context), input),
  returnNomination: (_, { id, reason }, context) => context.nominations.returnNomination(command(context), id, reason),
  rejectNomination: (_, { id, reason }, context) => context.nominations.reject(command(context), id, reason),
  recordPersonFact: (_, { input }, context) => context.personFacts.record(context.caller, input),
  closePersonFact: (_, { id, on, reason }, context) => context.personFacts.close(context.caller, id, on, reason),
  recordTeamRatings: (_, { input }, context) => context.teamRatings.record(command(context), input),
  revokeAward: (_, { input }, context) => context.nominations.revoke(command(context), input),
};
