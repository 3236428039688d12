import { allLabels } from '../../domain/shared';
import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  model: (_, { id }, { caller, modelQueries }) => modelQueries.model(caller, id),
  models: (_, { unitId, asOf, status, typeCode, first }, { caller, modelQueries }) => modelQueries.list(caller, { unitId, asOf, status, typeCode, first }),
  modelTypes: (_, __, { modelQueries }) => modelQueries.types(),
  modelReviewCriteria: (_, __, { reviewQueries }) => reviewQueries.criteriaSets(),
  modelStatistics: (_, { unitId, asOf, year }, { caller, statistics }) => statistics.statistics(caller, { unitId, asOf, year }),
  advancedExamples: (_, { unitId, year }, { caller, examples }) => examples.list(caller, unitId, year),
  modelLabels: () => allLabels(),
  evaluationWindowRules: (_, { kind, year, provinceId }, { caller, windows }) => windows.rules(caller, { kind, year, provinceId }),
  evaluationWindow: (_, { kind, year, unitId, provinceId }, { caller, windows }) => windows.windowOf(caller, { kind, year, unitId, provinceId }),
};
