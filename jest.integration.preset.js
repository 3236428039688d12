/** Integration tests: real PostgreSQL and Kafka provided by @antt/testing; one file at a time per project. */
const base = require('./jest.preset.js');
module.exports = { ...base, testTimeout: 120_000, maxWorkers: 1 };
