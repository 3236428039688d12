/**
 * Integration tests: real PostgreSQL and Kafka through @antt/testing. One stack (five subgraphs and the gateway as processes)
 * is started by the global set-up and shared by every spec of the run, then stopped and dropped by the global tear-down.
 */
module.exports = {
  ...require('../../jest.integration.preset.js'),
  displayName: 'platform-e2e:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
};
