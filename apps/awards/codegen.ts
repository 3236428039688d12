import { type CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/awards/src/schema.graphql',
  generates: {
    'apps/awards/src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#AwardsContext',
        scalars: { Date: 'string' },
        mappers: {
          Unit: '../../domain/shared#UnitRef',
          Campaign: '../../domain/shared#CampaignRef',
          AwardForm: '../../domain/catalogue#AwardFormView',
          AwardScheme: '../../domain/scheme#SchemeView',
          SchemeForm: '../../domain/scheme#SchemeFormView',
          Nomination: '../../domain/nomination#NominationView',
          Nominee: '../../domain/nominee#NomineeView',
          PersonFact: '../../domain/nominee#PersonFactView',
          AwardSummary: '../../domain/nomination#AwardSummaryView',
          PublishedAward: '../../domain/nomination#PublishedAwardView',
          CertificateData: '../../domain/nomination#CertificateView',
          TeamRatingRound: '../../domain/team-rating#TeamRatingRoundView',
          SecurityTeamRating: '../../domain/team-rating#SecurityTeamRatingView',
          TeamMemberRating: '../../domain/team-rating#TeamMemberRatingView',
          CommuneTeamRatings: '../../domain/team-rating#CommuneTeamRatingsView',
        },
      },
    },
  },
};

export default config;
