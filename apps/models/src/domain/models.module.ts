import { type Clock, type DateRange } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { ModelPolicy, ModelQueryService, ModelRepository, ModelService } from './model';
import { ReviewQueryService, ReviewService, ReviewStore } from './review';
import { ModelsInput } from './shared';

/** The domain services one request works with. */
export interface RequestServices {
  models: ModelService;
  modelQueries: ModelQueryService;
  reviews: ReviewService;
  reviewQueries: ReviewQueryService;
}

export interface ModelsRules {
  dates: DateRange;
  /** INEFFECTIVE ratings in consecutive windows that propose a dissolution. */
  ineffectiveStreak: number;
}

/** Wires the models domain over a Prisma client. */
export function createModelsDomain(prisma: PrismaClient, clock: Clock, rules: ModelsRules) {
  const modelRepository = new ModelRepository(prisma);
  const reviewStore = new ReviewStore(prisma);
  const input = new ModelsInput(rules.dates);
  const policy = new ModelPolicy();
  return {
    forRequest(): RequestServices {
      const models = new ModelService(modelRepository, policy, clock, input);
      return {
        models,
        modelQueries: new ModelQueryService(modelRepository, policy, clock, input),
        reviews: new ReviewService(modelRepository, models, policy, clock, input, rules.ineffectiveStreak),
        reviewQueries: new ReviewQueryService(modelRepository, reviewStore, policy, clock, input),
      };
    },
  };
}
