import { type CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/campaigns/src/schema.graphql',
  generates: {
    'apps/campaigns/src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#CampaignsContext',
        scalars: { Date: 'string' },
        mappers: {
          Unit: '../../domain/shared#UnitRef',
          Campaign: '../../domain/campaign#CampaignView',
          CampaignScopePart: '../../domain/campaign#ScopePart',
          CampaignStatusChange: '../../domain/campaign#StatusChangeView',
          Deadline: '../../domain/campaign#DeadlineView',
          Target: '../../domain/campaign#TargetView',
          Registration: '../../domain/registration#RegistrationView',
          RegistrationSummary: '../../domain/registration#RegistrationSummaryView',
          RegistrationRow: '../../domain/registration#RegistrationRowView',
          Pledge: '../../domain/pledge#PledgeView',
          PledgeCoverage: '../../domain/pledge#PledgeCoverageView',
          PledgeImportReport: '../../domain/pledge#PledgeImportReportView',
          Attainment: '../../domain/attainment#AttainmentView',
          TargetAttainment: '../../domain/attainment#TargetAttainmentView',
          KindAttainment: '../../domain/attainment#KindAttainmentView',
          LevelAttainment: '../../domain/attainment#LevelAttainmentView',
          UnitAttainment: '../../domain/attainment#UnitAttainmentView',
          AttainmentShortfall: '../../domain/attainment#ShortfallPageView',
          ShortfallUnit: '../../domain/attainment#ShortfallUnitView',
        },
      },
    },
  },
};

export default config;
