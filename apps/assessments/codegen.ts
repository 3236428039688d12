import { type CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/assessments/src/schema.graphql',
  generates: {
    'apps/assessments/src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#AssessmentsContext',
        scalars: { Date: 'string' },
        mappers: {
          Unit: '../../domain/shared#UnitRef',
          SafeStandardRecognition: '../../domain/recognition#RecognitionView',
          RuleSet: '../../domain/rule-set#RuleSetView',
          ReviewPlan: '../../domain/rule-set#ReviewPlanView',
          ReviewLevel: '../../domain/rule-set#ReviewLevelView',
          Assessment: '../../domain/assessment#AssessmentView',
          AssessmentChange: '../../domain/assessment#AssessmentChangeView',
          UnitClassification: '../../domain/classification#ClassificationView',
          WhatIfResult: '../../domain/assessment#WhatIfView',
          RecognitionRevision: '../../domain/recognition#RecognitionRevisionView',
          WhatIfYearResult: '../../domain/what-if#WhatIfYearView',
          WhatIfUnitDifference: '../../domain/what-if#WhatIfUnitDifferenceView',
          WhatIfCommuneDifference: '../../domain/what-if#WhatIfCommuneView',
          WhatIfSafeStandardDifference: '../../domain/what-if#WhatIfSafeStandardDifferenceView',
          ClassCounts: '../../domain/what-if#ClassCountsView',
          RecognisingBodyRule: '../../domain/recognition#RecognisingBodyRuleView',
          RecognisingBody: '../../domain/recognition#RecognisingBodyResolution',
          SecurityIncident: '../../domain/incident#IncidentView',
          CommuneSafetyRule: '../../domain/derived#CommuneRuleView',
          ClassificationRevision: '../../domain/classification#ClassificationRevisionView',
          SafeStandardCriterion: '../../domain/criteria#CriterionView',
          CriterionResult: '../../domain/criteria#CriterionResultView',
          DerivedCriterionInputs: '../../domain/criteria#DerivedInputsView',
          SafeStandardProposal: '../../domain/criteria#SafeStandardProposalView',
          CommunePoliceDisciplineRecord: '../../domain/criteria#DisciplineRecordView',
          ReviewStep: '../../domain/assessment#ReviewChainStepView',
          EvidenceFile: '../../domain/evidence#EvidenceFileView',
          ReviewQueueEntry: '../../domain/review-queue#ReviewQueueEntryView',
          ReviewQueuePage: '../../domain/review-queue#ReviewQueuePageView',
        },
      },
    },
  },
};

export default config;
