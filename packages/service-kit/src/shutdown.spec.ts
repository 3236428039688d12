import { spawn } from 'node:child_process';
import path from 'node:path';

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

  it.each(['subgraph', 'worker'])('a SIGTERM that arrives while the %s is still starting waits for the start, runs the hooks and exits 0', async (kind) => {
    const fixture = startFixture('signal-during-start.ts', [kind]);
    await expect(fixture.exited).resolves.toEqual({ code: 0, signal: null });
    expect(fixture.output()).toMatch(/hook relay\nhook pool\n$/);
  }, 30_000);
});
