/**
 * Jest reporter that records each run's counts under .local/test-results/, so that `npm test` can print one closing line
 * for the whole workspace ("Tests: N passed, N failed, N skipped").
 */
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.kind = options.kind ?? 'unit';
    this.dir = path.join(__dirname, '..', '..', '.local', 'test-results');
    this.name = (globalConfig.rootDir ? path.relative(path.join(__dirname, '..', '..'), globalConfig.rootDir) : 'root')
      .replace(/[\\/]/g, '_');
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(this.dir, { recursive: true });
    const kind = this.kind;
    const summary = {
      project: this.name,
      kind,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    fs.writeFileSync(path.join(this.dir, `${this.name}.${kind}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
