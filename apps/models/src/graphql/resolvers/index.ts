import { DateScalar } from '@antt/service-kit';
import { type Resolvers } from '../__generated__/resolvers-types';
import { AdvancedExample } from './example.resolvers';
import { DissolutionDecision, ModelStatusChange, SelfManagementModel } from './model.resolvers';
import { Mutation } from './mutation.resolvers';
import { Query } from './query.resolvers';
import { ModelReview } from './review.resolvers';
import { ModelSite, ModelTeam } from './site.resolvers';
import { ModelChildCounts, ModelKindCounts, ModelStatistics } from './statistics.resolvers';
import { Unit } from './unit.resolvers';
import { EvaluationWindowRule } from './window.resolvers';

/** The models resolver map, one file per type. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Unit,
  SelfManagementModel,
  ModelStatusChange,
  DissolutionDecision,
  ModelReview,
  ModelSite,
  ModelTeam,
  AdvancedExample,
  ModelStatistics,
  ModelKindCounts,
  ModelChildCounts,
  EvaluationWindowRule,
};
