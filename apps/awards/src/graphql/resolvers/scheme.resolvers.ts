import { type Condition, rulesFor } from '../../domain/scheme';
import { type AwardSchemeResolvers, type SchemeFormResolvers } from '../__generated__/resolvers-types';

export const AwardScheme: AwardSchemeResolvers = {};

const shown = (conditions: readonly Condition[]) => conditions.map((condition) => ({ ...condition, value: JSON.stringify(condition.value), roles: condition.roles ?? [] }));

export const SchemeForm: SchemeFormResolvers = {
  collectiveConditions: (entry) => shown(rulesFor(entry.rules, 'COLLECTIVE')),
  individualConditions: (entry) => shown(rulesFor(entry.rules, 'INDIVIDUAL')),
  householdConditions: (entry) => shown(rulesFor(entry.rules, 'HOUSEHOLD')),
};
