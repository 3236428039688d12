/**
 * Benchmarks the targets on this machine and prints (and writes to .local/bench/results.json):
 *  1. time from `npm start` to ready, cold (empty databases: migrations + demo province) and warm (data already there);
 *  2. p50/p95 of "descendants of the province as of a date" through the gateway;
 *  3. bulk import rate of a national-size tree (63 provinces, 10,000 communes, 100,000 residential areas).
 *
 * usage: npm run bench [-- --skip-start] [--skip-import] [--requests 300]
 * Needs ports 4000-4002, 4004 and 4005 free (stop `npm start` first). Uses scratch databases and its own consumer group; drops them after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { TOPICS } from '@antt/contracts';
import { deleteTopics, ensureTopics } from '@antt/events';
import { createDatabases, databaseUrl, dropDatabase, REPO_ROOT, up } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import { nationalTree, serializeRows } from './demo';
import { unitIdByCode } from './start/demo-data';

const GATEWAY = 'http://127.0.0.1:4000/graphql';
const BENCH_GATEWAY_LIMITS = JSON.stringify({ rateLimits: { anonymous: { points: 1_000_000 }, authenticated: { points: 1_000_000 } } });
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const results: Record<string, unknown> = { machine: { node: process.version, cpus: 2 }, at: new Date().toISOString() };
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface StartedPlatform {
  child: ChildProcess;
  readySeconds: number;
}

function startPlatform(env: Record<string, string>): Promise<StartedPlatform> {
  const started = performance.now();
  const child = spawn(process.execPath, [TSX, 'tools/platform/src/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('platform ready in')) resolve({ child, readySeconds: (performance.now() - started) / 1000 });
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${output.slice(-3000)}`)));
  });
}

function stopPlatform(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measureDescendants(orgUnitsUrl: string, requests: number): Promise<void> {
  const provinceId = await unitIdByCode(orgUnitsUrl, 'TB');
  const token = await mintDevToken({ subject: 'bench', roles: ['ORG_ADMIN'], unitId: provinceId, secret: DEV_JWT_HS256_SECRET });
  const queries = {
    'descendants(first: 50), asOf 2024-06-01': `{ unit(id: "${provinceId}", asOf: "2024-06-01") { descendants(first: 50) { totalCount edges { node { id code name kind } } } } }`,
    'descendants(kinds: [RESIDENTIAL_AREA], first: 100), asOf 2024-06-01': `{ unit(id: "${provinceId}", asOf: "2024-06-01") { descendants(kinds: [RESIDENTIAL_AREA], first: 100) { totalCount edges { node { id code name } } } } }`,
  };
  const latency: Record<string, unknown> = {};
  for (const [label, query] of Object.entries(queries)) {
    const send = async () => {
      const response = await fetch(GATEWAY, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown; data?: { unit: { descendants: { totalCount: number } } } };
      if (body.errors || !body.data) throw new Error(`${label}: ${JSON.stringify(body.errors)}`);
      return body.data.unit.descendants.totalCount;
    };
    for (let i = 0; i < 20; i++) await send();
    const timings: number[] = [];
    let totalCount = 0;
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      totalCount = await send();
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    const row = { requests, totalCount, p50Ms: +percentile(timings, 50).toFixed(1), p95Ms: +percentile(timings, 95).toFixed(1), maxMs: +(timings.at(-1) ?? Number.NaN).toFixed(1) };
    latency[label] = row;
    log(`${label}: ${JSON.stringify(row)}`);
  }
  results.descendantsThroughGateway = latency;
}

async function benchStart(adminUrl: string, brokers: string[], requests: number): Promise<void> {
  const suffix = Date.now().toString(36);
  const names = { orgUnits: `antt_bench_org_units_${suffix}`, campaigns: `antt_bench_campaigns_${suffix}`, models: `antt_bench_models_${suffix}`, assessments: `antt_bench_assessments_${suffix}`, awards: `antt_bench_awards_${suffix}` };
  await createDatabases(adminUrl, Object.values(names));
  // Topics and a consumer group of its own: the benchmark never feeds a developer's platform on the same broker.
  const prefix = `bench_${suffix}.`;
  const topics = TOPICS.map((topic) => ({ ...topic, name: `${prefix}${topic.name}` }));
  await ensureTopics(brokers, topics);
  const env = {
    ORG_UNITS_DATABASE_URL: databaseUrl(adminUrl, names.orgUnits),
    CAMPAIGNS_DATABASE_URL: databaseUrl(adminUrl, names.campaigns),
    MODELS_DATABASE_URL: databaseUrl(adminUrl, names.models),
    ASSESSMENTS_DATABASE_URL: databaseUrl(adminUrl, names.assessments),
    UNIT_DIRECTORY_GROUP_ID: `bench-unit-directory-${suffix}`,
    ATTAINMENT_GROUP_ID: `bench-attainment-${suffix}`,
    MODELS_UNIT_DIRECTORY_GROUP_ID: `bench-models-unit-directory-${suffix}`,
    ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID: `bench-assessments-unit-directory-${suffix}`,
    ASSESSMENTS_FACTS_GROUP_ID: `bench-assessments-facts-${suffix}`,
    AWARDS_DATABASE_URL: databaseUrl(adminUrl, names.awards),
    AWARDS_UNIT_DIRECTORY_GROUP_ID: `bench-awards-unit-directory-${suffix}`,
    AWARDS_FACTS_GROUP_ID: `bench-awards-facts-${suffix}`,
    KAFKA_TOPIC_PREFIX: prefix,
    // One subject sends every measured request: the gateway's rate limits would measure themselves (its other limits stay).
    GATEWAY_LIMITS: BENCH_GATEWAY_LIMITS,
  };
  try {
    log('npm start, cold (empty databases: migrations and the demo province)…');
    const cold = await startPlatform(env);
    log(`cold start ready in ${cold.readySeconds.toFixed(1)} s`);
    await stopPlatform(cold.child);
    log('npm start, warm (same databases)…');
    const warm = await startPlatform(env);
    log(`warm start ready in ${warm.readySeconds.toFixed(1)} s`);
    // Measured on the warm platform: after a cold start the relay and the unit-directory consumer are still busy
    // with the demo province's 5,589 events, which is start-up work, not the steady state a reader sees.
    await measureDescendants(env.ORG_UNITS_DATABASE_URL, requests);
    await stopPlatform(warm.child);
    results.startToReadySeconds = { cold: +cold.readySeconds.toFixed(1), warm: +warm.readySeconds.toFixed(1) };
  } finally {
    for (const name of Object.values(names)) await dropDatabase(adminUrl, name);
    await deleteTopics(brokers, topics.map((topic) => topic.name));
  }
}

async function benchImport(adminUrl: string): Promise<void> {
  const rows = nationalTree();
  const file = path.join(REPO_ROOT, '.local', 'bench', 'national.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serializeRows(rows, 'json'));
  const name = `antt_bench_import_${Date.now().toString(36)}`;
  await createDatabases(adminUrl, [name]);
  const url = databaseUrl(adminUrl, name);
  try {
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/org-units'), databaseUrl: url });
    log(`importing ${rows.length} units (national-size tree) into a scratch database…`);
    const started = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [TSX, 'apps/org-units/src/import/cli.ts', file], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`import exited with ${code}:\n${text}`))));
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const summary = output.split('\n').find((line) => line.includes('units/s')) ?? '';
    const match = /imported (\d+) units in ([\d.]+) s \((\d+) units\/s\)/.exec(summary);
    results.nationalImport = {
      rows: rows.length,
      imported: match ? Number(match[1]) : null,
      importSeconds: match ? Number(match[2]) : null,
      unitsPerSecond: match ? Number(match[3]) : null,
      processWallSeconds: +wallSeconds.toFixed(1),
      unitsPerSecondIncludingProcessStart: +(rows.length / wallSeconds).toFixed(0),
    };
    log(summary.trim());
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'skip-start': { type: 'boolean' }, 'skip-import': { type: 'boolean' }, requests: { type: 'string', default: '300' } },
  });
  const infra = await up();
  if (!values['skip-start']) await benchStart(infra.postgres.adminUrl, infra.kafka.brokers, Number(values.requests));
  if (!values['skip-import']) await benchImport(infra.postgres.adminUrl);
  const out = path.join(REPO_ROOT, '.local', 'bench', 'results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(REPO_ROOT, out)}`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
