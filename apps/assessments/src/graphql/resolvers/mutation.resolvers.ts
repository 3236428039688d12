import { type CommandContext } from '../../domain/recognition';
import { type AssessmentsContext } from '../context';
import { type MutationResolvers } from '../__generated__/resolvers-types';

const command = ({ caller, requestId }: AssessmentsContext): CommandContext => ({ caller, correlationId: requestId });

export const Mutation: MutationResolvers = {
  decideSafeStandard: (_, { input }, context) => context.recognitions.decide(command(context), input),
  recordIncident: (_, { input }, context) => context.incidents.record(command(context), input),
  revokeSafeStandard: (_, { input }, context) => context.recognitions.revoke(command(context), input),
  correctSafeStandard: (_, { input }, context) => context.recognitions.correct(command(context), input),
  submitAssessment: (_, { input }, context) => context.assessments.submit(command(context), input),
  rescoreAssessment: (_, { input }, context) => context.assessments.rescore(command(context), input),
  returnAssessment: (_, { input }, context) => context.assessments.returnToUnit(command(context), input),
  approveAssessment: (_, { input }, context) => context.assessments.approve(command(context), input),
  overrideCriterion: (_, { input }, context) => context.assessments.overrideCriterion(command(context), input),
  recordCommunePoliceDiscipline: (_, { input }, context) => context.discipline.record(command(context), input),
  attachEvidence: (_, { input }, context) => context.evidence.attach(command(context), input),
  correctClassification: (_, { input }, context) => context.assessments.correctClassification(command(context), input),
};
