/**
 * Throughput of subtree reads under load: autocannon with N connections (default 20) against the org-units subgraph
 * directly and through the gateway, at province size (the demo province, 5,589 units: descendants of `TB`) and at
 * national size (the 110,000-unit tree of `national-tree.ts`: descendants of province `P7`, 1,705 units). Prints
 * requests/s and p99 per query and target, and writes them to .local/bench/subtree.json.
 *
 * usage: DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres KAFKA_BROKERS=127.0.0.1:9092 ANTT_TEST_INFRA=local \
 *   npx tsx --tsconfig apps/org-units/tsconfig.json apps/org-units/scripts/bench-subtree.ts [--sizes province,national] [--seconds 10] [--connections 20]
 * Each size runs on a scratch database (prefix `bsub_`, dropped afterwards). The subgraph (relay off) runs in this
 * process, as in the integration tests; the gateway and autocannon (its CLI) run as their own processes, so that the load
 * generator does not share an event loop with what it measures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, type Identity, mintDevToken, signGatewayAssertion } from '@antt/auth';
import { createMigratedTestDatabase, getTestInfra, startGatewayProcess } from '@antt/testing';
import { createPrismaClient } from '../src';
import { startOrgUnits } from '../src/app';
import { loadOrgUnitsConfig } from '../src/config';
import { systemClock } from '../src/domain/shared/clock';
import { importUnits, readImportFile, type ImportRow } from '../src/import';
import { nationalTree } from './national-tree';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const AUTOCANNON = path.join(REPO_ROOT, 'node_modules/.bin/autocannon');
const AS_OF = '2024-06-01';
const ADMIN: Identity = { subject: 'bench', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: '00000000-0000-4000-8000-000000000000' };
const log = (line: string) => process.stdout.write(`[bench-subtree] ${line}\n`);

interface Size {
  label: string;
  rows: () => Promise<ImportRow[]>;
  rootCode: string;
}

const SIZES: Record<string, Size> = {
  province: { label: 'province (demo, 5,589 units)', rows: demoProvince, rootCode: 'TB' },
  national: { label: 'national (110,000 units, province P7)', rows: async () => nationalTree(), rootCode: 'P7' },
};

/** The demo province, written by the platform's demo generator (the rows `npm start` loads). */
async function demoProvince(): Promise<ImportRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-subtree-'));
  try {
    const file = path.join(dir, 'thai-binh.json');
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    const result = spawnSync(process.execPath, [tsx, 'tools/platform/src/demo/write.ts', 'thai-binh', file], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`demo generator exited with ${result.status}`);
    return await readImportFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run (its CLI, JSON report) of `query` against `url`. */
function autocannon(url: string, headers: Record<string, string>, body: string, seconds: number, connections: number): Promise<AutocannonReport> {
  const args = ['-c', String(connections), '-d', String(seconds), '-m', 'POST', '-b', body, '-j'];
  for (const [name, value] of Object.entries({ 'content-type': 'application/json', ...headers })) args.push('-H', `${name}=${value}`);
  return new Promise((resolve, reject) => {
    const child = spawn(AUTOCANNON, [...args, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as AutocannonReport) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

interface AutocannonReport {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, query: string, seconds: number, connections: number): Promise<Run> {
  const body = JSON.stringify({ query });
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await probe.json()) as { errors?: unknown };
  if (!probe.ok || answer.errors) throw new Error(`${url}: ${JSON.stringify(answer)}`);
  await autocannon(url, headers, body, 2, connections);
  const result = await autocannon(url, headers, body, seconds, connections);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function benchSize(size: Size, seconds: number, connections: number): Promise<Record<string, Record<string, Run>>> {
  const database = await createMigratedTestDatabase('bsub_', path.join(REPO_ROOT, 'apps/org-units'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const prisma = createPrismaClient(database.url, 4);
    const rows = await size.rows();
    const started = performance.now();
    const imported = await importUnits(prisma, rows, { effectiveFrom: '2024-01-01' });
    if (imported.rejected.length > 0) throw new Error(`${imported.rejected.length} rows rejected`);
    log(`${size.label}: imported ${imported.imported} units in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await prisma.$executeRawUnsafe('VACUUM ANALYZE');
    const [root] = await prisma.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM unit WHERE code = ${size.rootCode}`;
    await prisma.$disconnect();
    if (!root) throw new Error(`unit ${size.rootCode} missing`);

    const config = loadOrgUnitsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: (await getTestInfra()).kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
    });
    const subgraph = await startOrgUnits(config, { clock: systemClock(config.ORG_UNITS_TIME_ZONE), handleSignals: false });
    stops.push(() => subgraph.stop());
    const gateway = await startGatewayProcess({ ORG_UNITS_URL: subgraph.url });
    stops.push(() => gateway.stop());

    const unit = (selection: string) => `{ unit(id: "${root.id}", asOf: "${AS_OF}") { ${selection} } }`;
    const queries: Record<string, string> = {
      'unit lookup': unit('id code name kind'),
      'descendants(first: 50) { totalCount }': unit('descendants(first: 50) { totalCount }'),
      'descendants(first: 50) { totalCount edges }': unit('descendants(first: 50) { totalCount edges { node { id code name kind } } }'),
      'descendants(first: 50) { edges }': unit('descendants(first: 50) { edges { node { id code name kind } } }'),
    };
    const bearer = `Bearer ${await mintDevToken({ subject: ADMIN.subject, roles: ADMIN.roles, unitId: ADMIN.jurisdictionUnitId, secret: DEV_JWT_HS256_SECRET })}`;
    const results: Record<string, Record<string, Run>> = {};
    for (const [label, query] of Object.entries(queries)) {
      // An assertion is bound to its query and may live at most GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS (30 s by default):
      // one per query, at the longest lifetime the subgraph accepts (the warm-up and the run take seconds + 2 s).
      const assertion = await signGatewayAssertion(ADMIN, config.GATEWAY_SIGNING_KEY, {
        request: { query },
        ttlSeconds: config.GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS,
      });
      const direct = await load(subgraph.url, { 'x-antt-gateway-assertion': assertion }, query, seconds, connections);
      const viaGateway = await load(gateway.graphqlUrl, { authorization: bearer }, query, seconds, connections);
      results[label] = { direct, gateway: viaGateway };
      log(`${size.label} | ${label} | direct ${direct.requestsPerSecond} req/s p99 ${direct.p99Ms} ms | gateway ${viaGateway.requestsPerSecond} req/s p99 ${viaGateway.p99Ms} ms`);
    }
    return results;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: 'province,national' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
  });
  const output: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, connections: Number(values.connections), seconds: Number(values.seconds) };
  for (const name of values.sizes.split(',')) {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size "${name}" (province, national)`);
    output[name] = await benchSize(size, Number(values.seconds), Number(values.connections));
  }
  const file = path.join(REPO_ROOT, '.local', 'bench', 'subtree.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  log(`written to ${path.relative(REPO_ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(`[bench-subtree] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
