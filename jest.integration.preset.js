/** Integration tests: real PostgreSQL and Kafka provided by @antt/testing; one file at a time per project. */
const path = require('node:path');
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  testTimeout: 120_000,
  maxWorkers: 1,
  reporters: ['default', [path.join(__dirname, 'tools/platform/jest-summary-reporter.cjs'), { kind: 'integration' }]],
};
