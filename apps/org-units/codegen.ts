import { type CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/org-units/src/schema.graphql',
  generates: {
    'apps/org-units/src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#OrgUnitsContext',
        scalars: { Date: 'string' },
        mappers: {
          Unit: '../../domain/unit#UnitView',
          UnitPeriod: '../../domain/unit#UnitVersion',
          UnitLineageLink: '../../domain/unit#ResolvedLineageLink',
          LineageRelative: '../../domain/unit#ResolvedLineageRelative',
          ReorganisationPlan: '../../domain/reorganisation#ReorganisationPlan as ReorganisationPlanModel',
          UnitConnection: '../connection#UnitConnectionSource',
        },
      },
    },
  },
};

export default config;
