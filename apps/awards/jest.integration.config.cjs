/** Integration tests: real PostgreSQL and Kafka through @antt/testing. */
module.exports = {
  ...require('../../jest.integration.preset.js'),
  displayName: 'awards:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts'],
};
