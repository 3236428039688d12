import { type CommuneSafetyRuleResolvers } from '../__generated__/resolvers-types';

export const CommuneSafetyRule: CommuneSafetyRuleResolvers = {
  notRegistered: (rule) => rule.notRegisteredIds.map((id) => ({ id })),
  notRecognised: (rule) => rule.notRecognisedIds.map((id) => ({ id })),
};
