import { type AwardSchemeResolvers, type SchemeFormResolvers } from '../__generated__/resolvers-types';

export const AwardScheme: AwardSchemeResolvers = {};

export const SchemeForm: SchemeFormResolvers = {
  collectiveConditions: (entry) => entry.rules.COLLECTIVE.map((condition) => ({ ...condition, value: JSON.stringify(condition.value) })),
};
