import { spawn } from 'node:child_process';
import path from 'node:path';
import { createLogger } from './logger';
import { gracefulStop } from './shutdown';

const root = path.resolve(__dirname, '../../..');

/** Runs a fixture on this Node with tsx as a loader (no tsx CLI in between, so signals reach the fixture itself). */
function startFixture(file: string, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../test/fixtures', file), ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/port \d+/.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}: ${output}`)));
  });
  started.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, started, exited, output: () => output };
}

describe('exitOnSignals', () => {
  it('on SIGTERM stops the subgraph, runs the hooks in order and exits 0', async () => {
    const fixture = startFixture('signal-subgraph.ts');
    await fixture.started;
    fixture.child.kill('SIGTERM');
    await expect(fixture.exited).resolves.toEqual({ code: 0, signal: null });
    expect(fixture.output()).toMatch(/port \d+\nhook relay\nhook pool\n$/);
  }, 30_000);

  it.each(['subgraph', 'worker'])('a SIGTERM right after the %s was asked to start waits for the start, runs the hooks and exits 0', async (kind) => {
    const fixture = startFixture('signal-during-start.ts', [kind, 'at-call']);
    await expect(fixture.exited).resolves.toEqual({ code: 0, signal: null });
    expect(fixture.output()).toMatch(/hook relay\nhook pool\n$/);
  }, 30_000);

  it.each(['subgraph', 'worker'])('a SIGTERM during a start step of the %s skips the remaining steps, runs the hooks and exits 0', async (kind) => {
    const fixture = startFixture('signal-during-start.ts', [kind, 'in-step']);
    await expect(fixture.exited).resolves.toEqual({ code: 0, signal: null });
    expect(fixture.output()).toMatch(/^start relay\n(port \d+\n)?hook relay\nhook pool\n$/);
  }, 30_000);
});

describe('gracefulStop', () => {
  const logger = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: false }, 'shutdown-spec');

  it('a stop asked for during the start closes the server and runs the hooks only once the start has finished', async () => {
    const steps: string[] = [];
    let finishStart: () => void = () => undefined;
    const startup = new Promise<void>((resolve) => {
      finishStart = () => {
        steps.push('started');
        resolve();
      };
    });
    const lifecycle = gracefulStop({
      closeServer: async () => void steps.push('closed'),
      hooks: [{ name: 'pool', run: () => steps.push('hook pool') }],
      logger,
      handleSignals: false,
      startup: () => startup,
    });
    const stopped = lifecycle.stop();
    expect(lifecycle.isStopping()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toEqual([]);
    finishStart();
    await stopped;
    expect(steps).toEqual(['started', 'closed', 'hook pool']);
  });

  it('a start that never finishes delays the stop by startupWaitMs at most', async () => {
    const steps: string[] = [];
    const lifecycle = gracefulStop({
      closeServer: async () => void steps.push('closed'),
      hooks: [{ name: 'pool', run: () => steps.push('hook pool') }],
      logger,
      handleSignals: false,
      startup: () => new Promise<void>(() => undefined),
      startupWaitMs: 100,
    });
    const began = Date.now();
    await lifecycle.stop();
    expect(Date.now() - began).toBeGreaterThanOrEqual(90);
    expect(Date.now() - began).toBeLessThan(2_000);
    expect(steps).toEqual(['closed', 'hook pool']);
  });
});
