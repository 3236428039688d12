import nx from '@nx/eslint-plugin';

const noProcessEnv = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Read configuration through the service config module (zod-validated, read once).' },
  ],
};


const DEP_CONSTRAINTS = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:kit', 'type:contracts', 'type:testing'] },
  { sourceTag: 'type:kit', onlyDependOnLibsWithTags: ['type:kit', 'type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:kit', 'type:contracts', 'type:tool'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:kit', 'type:contracts', 'type:tool', 'type:testing'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:org-units', onlyDependOnLibsWithTags: ['scope:shared', 'scope:org-units'] },
  { sourceTag: 'scope:campaigns', onlyDependOnLibsWithTags: ['scope:shared', 'scope:campaigns'] },
  { sourceTag: 'scope:assessments', onlyDependOnLibsWithTags: ['scope:shared', 'scope:assessments'] },
  { sourceTag: 'scope:models', onlyDependOnLibsWithTags: ['scope:shared', 'scope:models'] },
  { sourceTag: 'scope:awards', onlyDependOnLibsWithTags: ['scope:shared', 'scope:awards'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // End-to-end tests start the services as processes; they import only kits, contracts, tools and the test kit.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:kit', 'type:contracts', 'type:testing', 'type:tool'] },
];

/** Tests of a kit may use the test kit; the kit's own code may not. `allow`: imports exempted from every check. */
function moduleBoundaries(forTests, allow = []) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    // The test kit uses the events kit (Kafka admin), and the events kit's integration tests use the test kit.
    ignoredCircularDependencies: [['events', 'testing']],
    depConstraints: forTests
      ? DEP_CONSTRAINTS.map((c) =>
          c.sourceTag === 'type:kit' || c.sourceTag === 'type:contracts'
            ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing', 'type:kit'] }
            : c,
        )
      : DEP_CONSTRAINTS,
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', '**/__generated__/**', '.nx/**', 'tmp/**', '.local/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'Only @antt/events talks to Kafka.' }] },
      ],
      ...noProcessEnv,
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'apps/platform-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(true)],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The one end-to-end test that runs the services in its own process: they must share the tracing SDK's in-memory
    // exporter. Every other e2e test starts them as processes.
    files: ['apps/platform-e2e/src/trace-across-services.int.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(true, ['@antt/org-units', '@antt/campaigns', '@antt/gateway'])] },
  },
  {
    files: ['packages/events/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'Only @antt/events talks to Kafka.' }], patterns: [{ group: ['@prisma/*', '*/generated/prisma*'], message: 'The gateway owns no data.' }] },
      ],
    },
  },
  {
    files: ['apps/*/src/graphql/**/*.ts', 'apps/*/src/resolvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'Only @antt/events talks to Kafka.' }], patterns: [{ group: ['@prisma/*', '**/generated/prisma*'], message: 'Resolvers call the domain layer; only repositories touch Prisma.' }] },
      ],
    },
  },
  {
    files: ['**/config.ts', '**/config/*.ts', '**/prisma.config.ts', 'tools/**/*.ts', 'packages/testing/**/*.ts', '**/*.spec.ts', '**/jest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
