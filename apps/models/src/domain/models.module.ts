import { UnitDirectory } from '@antt/unit-directory';
import { type Clock, type DateRange } from '@antt/service-kit';
import { type PrismaClient } from '../generated/prisma/client';
import { ExampleService, ExampleStore } from './example';
import { ModelPolicy, ModelQueryService, ModelRepository, ModelService } from './model';
import { ReviewQueryService, ReviewService, ReviewStore } from './review';
import { ModelsInput } from './shared';
import { SiteQueryService, SiteService, SiteStore } from './site';
import { StatisticsRepository, StatisticsService } from './statistics';
import { TrainingService, TrainingStore } from './training';
import { EvaluationWindows, WindowQueryService, WindowRuleService, WindowRuleStore } from './window';

/** The domain services one request works with. */
export interface RequestServices {
  models: ModelService;
  modelQueries: ModelQueryService;
  reviews: ReviewService;
  reviewQueries: ReviewQueryService;
  sites: SiteService;
  siteQueries: SiteQueryService;
  trainings: TrainingService;
  examples: ExampleService;
  statistics: StatisticsService;
  windows: WindowQueryService;
  windowRules: WindowRuleService;
}

export interface ModelsRules {
  dates: DateRange;
  /** INEFFECTIVE ratings in consecutive windows that propose a dissolution. */
  ineffectiveStreak: number;
  /** Days without a training after which a running model is flagged. */
  trainingPeriodDays: number;
  /** How long the process keeps its copy of the evaluation window rules for reads (default 60 s). */
  windowCacheMs?: number;
}

/** Wires the models domain over a Prisma client. */
export function createModelsDomain(prisma: PrismaClient, clock: Clock, rules: ModelsRules) {
  const modelRepository = new ModelRepository(prisma);
  const reviewStore = new ReviewStore(prisma);
  const siteStore = new SiteStore(prisma);
  const trainingStore = new TrainingStore(prisma);
  const exampleStore = new ExampleStore(prisma);
  const statisticsRepository = new StatisticsRepository(prisma);
  const directory = new UnitDirectory(prisma);
  const input = new ModelsInput(rules.dates);
  const policy = new ModelPolicy();
  const windowStore = new WindowRuleStore(prisma);
  const windows = new EvaluationWindows(prisma, rules.windowCacheMs ?? 60_000);
  return {
    forRequest(): RequestServices {
      const models = new ModelService(modelRepository, policy, clock, input);
      return {
        models,
        modelQueries: new ModelQueryService(modelRepository, policy, clock, input),
        reviews: new ReviewService(modelRepository, models, policy, clock, input, rules.ineffectiveStreak, windows),
        reviewQueries: new ReviewQueryService(modelRepository, reviewStore, policy, clock, input, windows),
        sites: new SiteService(modelRepository, policy, clock, input),
        siteQueries: new SiteQueryService(siteStore),
        trainings: new TrainingService(modelRepository, trainingStore, policy, clock, input, rules.trainingPeriodDays),
        examples: new ExampleService(modelRepository, exampleStore, policy, clock, input),
        statistics: new StatisticsService(statisticsRepository, directory, policy, clock, input, rules.trainingPeriodDays, windows),
        windows: new WindowQueryService(windows, windowStore, input, directory, policy, clock),
        windowRules: new WindowRuleService(modelRepository, windows, clock, input),
      };
    },
  };
}
