import { type CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/models/src/schema.graphql',
  generates: {
    'apps/models/src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#ModelsContext',
        scalars: { Date: 'string' },
        mappers: {
          Unit: '../../domain/shared#UnitRef',
          SelfManagementModel: '../../domain/model#ModelView',
          ModelStatusChange: '../../domain/model#StatusChangeView',
          ModelHostChange: '../../domain/model#HostChangeView',
          DissolutionDecision: '../../domain/model#DissolutionDecisionView',
          ModelType: '../../domain/model#ModelTypeView',
          ModelReview: '../../domain/review#ReviewView',
          ReviewCriteriaSet: '../../domain/review#CriteriaSetView',
          ModelSite: '../../domain/site#SiteView',
          ModelTeam: '../../domain/site#TeamView',
          TeamMember: '../../domain/site#TeamMemberView',
          ModelTraining: '../../domain/training#TrainingView',
          AdvancedExample: '../../domain/example#AdvancedExampleView',
          ModelStatistics: '../../domain/statistics#ModelStatisticsView',
          EvaluationWindowRule: '../../domain/window#WindowRuleView',
          EvaluationWindowRuleChange: '../../domain/window#WindowRuleChangeView',
          EvaluationWindow: '../../domain/window#EvaluationWindowView',
        },
      },
    },
  },
};

export default config;
