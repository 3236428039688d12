import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { DEV_GATEWAY_SIGNING_KEY, DEV_JWT_HS256_SECRET } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/gateway';
import { secondTypeDefs } from './support/second-subgraph';
import { post, SIGNING_KEY, silent, startTreeSubgraph, supergraphOf, treeTypeDefs } from './support/in-process';

const ROOT = path.resolve(__dirname, '../../..');
const SUBGRAPH_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a TypeScript entry on this Node with tsx as a loader; resolves its exit, collects its output. */
function runEntry(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The second subgraph as a child process on `port`; resolves once it listens. */
async function startSecond(port: number): Promise<ChildProcess> {
  const run = runEntry('apps/gateway/test/fixtures/second-subgraph.ts', {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    GATEWAY_SIGNING_KEY: SIGNING_KEY,
    LOG_LEVEL: 'silent',
  });
  const deadline = Date.now() + 30_000;
  while (!/port \d+/.test(run.output())) {
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`second subgraph did not start: ${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return run.child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  await exited;
}

describe('subgraph faults through the gateway', () => {
  let tree: RunningServer;
  let gateway: RunningServer;
  let second: ChildProcess;
  let secondPort: number;

  beforeAll(async () => {
    tree = await startTreeSubgraph();
    secondPort = await freePort();
    second = await startSecond(secondPort);
    gateway = await createGateway({
      supergraphSdl: supergraphOf([
        { name: 'org-units', typeDefs: treeTypeDefs },
        { name: 'campaigns', typeDefs: secondTypeDefs },
      ]),
      config: loadGatewayConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_SIGNING_KEY: SIGNING_KEY,
        ORG_UNITS_URL: tree.url,
        CAMPAIGNS_URL: `http://127.0.0.1:${secondPort}/graphql`,
        GATEWAY_LIMITS: JSON.stringify({
          subgraphs: {
            timeoutMs: SUBGRAPH_TIMEOUT_MS,
            timeoutMsBySubgraph: { 'org-units': 10_000 },
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            healthTimeoutMs: 500,
          },
        }),
      }),
      logger: silent,
      handleSignals: false,
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    if (second) await stopChild(second);
    await tree?.stop();
  });

  const both = () => post(gateway.url, { query: '{ ping second }' });
  const ready = async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/ready`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string>; failed: string[] } };
  };

  it('answers from both subgraphs, and /ready reports each one', async () => {
    expect((await both()).json).toEqual({ data: { ping: 'pong', second: 'here' } });
    expect(await ready()).toEqual({
      status: 200,
      body: expect.objectContaining({
        status: 'ready',
        checks: { 'subgraph:org-units': 'ok', 'subgraph:campaigns': 'ok', 'rate-limit-store': 'ok' },
        failed: [],
      }),
    });
  });

  it('a paused subgraph: the rest of the answer, SUBGRAPH_TIMEOUT naming it after its timeout, /ready degraded, then recovery', async () => {
    second.kill('SIGSTOP');
    try {
      const pending = both();
      const other = await post(gateway.url, { query: '{ ping nodes(first: 1) { id } }' });
      expect(other.json).toEqual({ data: { ping: 'pong', nodes: [{ id: 'n0' }] } });
      expect(other.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS);
      const { json, ms } = await pending;
      expect(json.data).toEqual({ ping: 'pong', second: null });
      expect(json.errors).toHaveLength(1);
      expect(json.errors?.[0]?.message).toMatch(/Subgraph "campaigns" did not answer in time/);
      expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'campaigns' });
      expect(ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 1_500);
      const report = await ready();
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ status: 'degraded', failed: ['subgraph:campaigns'], checks: { 'subgraph:org-units': 'ok' } });
      expect(report.body.checks['subgraph:campaigns']).toMatch(/no answer within 500 ms/);
    } finally {
      second.kill('SIGCONT');
    }
    expect((await both()).json).toEqual({ data: { ping: 'pong', second: 'here' } });
    expect((await ready()).body.status).toBe('ready');
  });

  it('holds no request past its deadline, whatever the subgraph timeout', async () => {
    const { json, ms } = await post(gateway.url, { query: '{ slow(ms: 5000) }' });
    expect(json.data).toEqual({ slow: null });
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'org-units' });
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_500);
  });

  it('a stopped subgraph: the rest of the answer with SUBGRAPH_UNAVAILABLE naming it at once; back without restarting the gateway', async () => {
    await stopChild(second);
    const { json, ms } = await both();
    expect(json.data).toEqual({ ping: 'pong', second: null });
    expect(json.errors).toEqual([
      {
        message: 'Subgraph "campaigns" is unavailable; the fields it serves are missing from this answer.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'campaigns', serviceName: 'campaigns' },
      },
    ]);
    expect(ms).toBeLessThan(1_000);
    const report = await ready();
    expect(report.body).toMatchObject({ status: 'degraded', failed: ['subgraph:campaigns'] });
    expect(report.body.checks['subgraph:campaigns']).toBe('unreachable');

    second = await startSecond(secondPort);
    expect((await both()).json).toEqual({ data: { ping: 'pong', second: 'here' } });
    expect((await ready()).body.status).toBe('ready');
  });
});

describe('production start with the development keys', () => {
  const production = { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'antt' };

  it('the gateway refuses to start with the published signing key or JWT secret', async () => {
    const run = runEntry('apps/gateway/src/main.ts', { ...production, GATEWAY_SIGNING_KEY: DEV_GATEWAY_SIGNING_KEY, JWT_HS256_SECRET: DEV_JWT_HS256_SECRET });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/GATEWAY_SIGNING_KEY: is a development secret published in the repository/);
    expect(run.output()).toMatch(/JWT_HS256_SECRET: is a development secret published in the repository/);
  }, 60_000);

  it.each(['org-units', 'campaigns'])('the %s subgraph refuses to start with the published signing key', async (service) => {
    const run = runEntry(`apps/${service}/src/main.ts`, {
      ...production,
      GATEWAY_SIGNING_KEY: DEV_GATEWAY_SIGNING_KEY,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      KAFKA_BROKERS: '127.0.0.1:1',
    });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/GATEWAY_SIGNING_KEY: is a development secret published in the repository/);
  }, 60_000);
});
