import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function startFixture() {
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['--tsconfig', path.join(root, 'tsconfig.base.json'), path.join(__dirname, '../test/fixtures/signal-subgraph.ts')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/port \d+/.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}: ${output}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, started, exited, output: () => output };
}

describe('exitOnSignals', () => {
  it('on SIGTERM stops the subgraph, runs the hooks in order and exits 0', async () => {
    const fixture = startFixture();
    await fixture.started;
    fixture.child.kill('SIGTERM');
    await expect(fixture.exited).resolves.toEqual({ code: 0, signal: null });
    expect(fixture.output()).toMatch(/port \d+\nhook relay\nhook pool\n$/);
  }, 30_000);
});
