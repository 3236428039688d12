/**
 * `npm test`: brings up what the tests need, then runs every check, unit suite and integration suite of the workspace
 * against real PostgreSQL and Kafka, and closes with one line counting all tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const resultsDir = path.join(root, '.local', 'test-results');

interface Step {
  title: string;
  command: string;
}

const nx = (args: string) => `nx ${args} --outputStyle=static`;

const steps: Step[] = [
  { title: 'Infrastructure: PostgreSQL and Kafka, databases and topics', command: 'tsx tools/infra/src/cli.ts up' },
  { title: 'Generated code: Prisma clients, GraphQL types', command: nx('run-many -t generate --parallel=1') },
  {
    title: 'Checks: stale generated files, schema drift, supergraph, Prisma fragments',
    command: nx('run-many -t check-generated check-supergraph prisma-check --parallel=1'),
  },
  { title: 'Lint (module boundaries included) and typecheck', command: nx('run-many -t lint typecheck --parallel=2') },
  // Tests always run (no Nx cache), so that every run exercises the real services and the closing line counts every test.
  { title: 'Unit tests', command: nx('run-many -t test --parallel=2 --skip-nx-cache') },
  { title: 'Integration tests (real PostgreSQL and Kafka)', command: nx('run-many -t test-integration --parallel=1 --skip-nx-cache') },
];

function run(step: Step): boolean {
  const started = Date.now();
  console.log(`\n=== ${step.title}\n$ ${step.command}`);
  const result = spawnSync(step.command, { cwd: root, stdio: 'inherit', shell: true, env: { ...process.env, NX_DAEMON: 'false' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${ok ? 'ok' : 'FAILED'} in ${seconds}s: ${step.title}`);
  return ok;
}

interface Summary {
  project: string;
  kind: string;
  passed: number;
  failed: number;
  skipped: number;
}

function readSummaries(): Summary[] {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as Summary);
}

function main(): void {
  console.log(`[test] Node ${process.version} (${process.execPath})`);
  rmSync(resultsDir, { recursive: true, force: true });
  const failedSteps: string[] = [];
  for (const step of steps) {
    if (!run(step)) {
      failedSteps.push(step.title);
      if (step === steps[0] || step === steps[1]) break;
    }
  }
  const summaries = readSummaries();
  const total = summaries.reduce(
    (sum, s) => ({ passed: sum.passed + s.passed, failed: sum.failed + s.failed, skipped: sum.skipped + s.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log('\nSuites by project:');
  for (const s of summaries.sort((a, b) => `${a.project}${a.kind}`.localeCompare(`${b.project}${b.kind}`))) {
    console.log(`  ${s.project} (${s.kind}): ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  }
  if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join('; ')}`);
  console.log('Infrastructure is left running for the next run; `npm run infra:down` stops it.');
  console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exitCode = failedSteps.length > 0 || total.failed > 0 ? 1 : 0;
}

main();
