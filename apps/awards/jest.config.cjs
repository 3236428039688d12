/** Unit tests: specs beside the code, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'awards',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: ['\\.int\\.spec\\.ts$'],
};
