/**
 * Throughput of subtree reads under load: autocannon with N connections (default 20) against the org-units subgraph
 * directly and through the gateway, at province size (the demo province, 5,589 units: descendants of `TB`) and at
 * national size (the 110,000-unit tree of `national-tree.ts`: descendants of province `P7`, 1,705 units). Prints
 * requests/s and p99 per query and target, and writes them to .local/bench/subtree.json.
 *
 * usage: DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres KAFKA_BROKERS=127.0.0.1:9092 ANTT_TEST_INFRA=local \
 *   npx tsx --tsconfig apps/org-units/tsconfig.json apps/org-units/scripts/bench-subtree.ts [--sizes province,national] [--seconds 10] [--connections 20]
 * With `--metrics-overhead [--rounds 3]`, also the cost of the gateway's Prometheus metrics (issue 11, aim under 5 %): a second
 * gateway process with METRICS_ENABLED=false beside the first, the two loaded in turn (on, off, on, off, …) with the unit
 * lookup and the heaviest subtree query; per mode the median requests/s and p99, and the gateway's own CPU time per request
 * (from /proc/<pid>/stat: less sensitive than throughput to what else the machine runs).
 * With `--limits-overhead [--rounds 3]`, the cost of the gateway's limits (issue 10, aim under 5 %) the same way: a second
 * gateway process with its limits off (`apps/gateway/scripts/gateway-without-limits.ts`) beside the first, loaded in turn.
 * With `--hive`, each query also runs through Hive Gateway (`apps/gateway/scripts/hive-gateway.ts`: `@graphql-hive/gateway-runtime`
 * with its defaults, plus the caller's token check and the subgraph assertion every gateway here must sign), a third process
 * beside ours, and a second one with its transport's in-flight deduplication off; direct, ours and the two Hive are loaded in turn `--rounds` times (default 3) and the medians reported with each
 * gateway's share of the direct rate (issue 10: ours ≥ 0.67× direct and ahead of Hive).
 * Each size runs on a scratch database (prefix `bsub_`, dropped afterwards). The subgraph (relay off) runs in this
 * process, as in the integration tests; the gateway and autocannon (its CLI) run as their own processes, so that the load
 * generator does not share an event loop with what it measures.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, type Identity, mintDevToken, signGatewayAssertion } from '@antt/auth';
import { createMigratedTestDatabase, inProcessServiceEnv, readDemoTree, startGatewayProcess, startGatewayWithoutLimitsProcess, startHiveGatewayProcess, writeBenchResults } from '@antt/testing';
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
/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;
type ServiceProcess = Awaited<ReturnType<typeof startGatewayProcess>>;

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
  return readDemoTree('thai-binh', readImportFile, 'bench-subtree-');
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

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux). */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after its closing parenthesis; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

interface OverheadRun extends Run {
  cpuMsPerRequest: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * A gateway with something on (metrics, limits) against the same gateway without it, in turn, `rounds` times per query:
 * throughput, p99 and the gateway process's CPU milliseconds per request, and the medians' differences.
 */
async function overheadOf(
  what: 'metrics' | 'limits',
  withMetrics: ServiceProcess,
  withoutMetrics: ServiceProcess,
  bearer: string,
  queries: Record<string, string>,
  options: { seconds: number; connections: number; rounds: number },
): Promise<Record<string, unknown>> {
  const measure = async (gateway: ServiceProcess, query: string): Promise<OverheadRun> => {
    const pid = gateway.child.pid;
    if (pid === undefined) throw new Error('gateway process has no pid');
    await load(gateway.graphqlUrl, { authorization: bearer }, query, 2, options.connections);
    const cpuBefore = cpuSecondsOf(pid);
    const run = await load(gateway.graphqlUrl, { authorization: bearer }, query, options.seconds, options.connections);
    const cpuMs = (cpuSecondsOf(pid) - cpuBefore) * 1000;
    // The warm-up inside load() is not counted by autocannon's average but is in the CPU window: count its requests too.
    const requests = run.requestsPerSecond * (options.seconds + 2);
    return { ...run, cpuMsPerRequest: +(cpuMs / Math.max(1, requests)).toFixed(3) };
  };
  const report: Record<string, unknown> = {};
  for (const [label, query] of Object.entries(queries)) {
    const runs: { on: OverheadRun[]; off: OverheadRun[] } = { on: [], off: [] };
    for (let round = 0; round < options.rounds; round += 1) {
      // Alternate which goes first, so that a drift of the machine's load favours neither.
      const order: Array<['on' | 'off', ServiceProcess]> = round % 2 === 0 ? [['on', withMetrics], ['off', withoutMetrics]] : [['off', withoutMetrics], ['on', withMetrics]];
      for (const [mode, gateway] of order) runs[mode].push(await measure(gateway, query));
    }
    const summary = (list: OverheadRun[]) => ({
      requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
      p99Ms: median(list.map((r) => r.p99Ms)),
      cpuMsPerRequest: +median(list.map((r) => r.cpuMsPerRequest)).toFixed(3),
      runs: list,
    });
    const on = summary(runs.on);
    const off = summary(runs.off);
    const throughputCostPercent = +((1 - on.requestsPerSecond / off.requestsPerSecond) * 100).toFixed(1);
    const cpuCostPercent = +((on.cpuMsPerRequest / off.cpuMsPerRequest - 1) * 100).toFixed(1);
    report[label] = { [`${what}On`]: on, [`${what}Off`]: off, throughputCostPercent, cpuCostPercent };
    log(
      `${what} overhead | ${label} | on ${on.requestsPerSecond} req/s p99 ${on.p99Ms} ms ${on.cpuMsPerRequest} CPU ms/req | ` +
        `off ${off.requestsPerSecond} req/s p99 ${off.p99Ms} ms ${off.cpuMsPerRequest} CPU ms/req | throughput cost ${throughputCostPercent} %, CPU cost ${cpuCostPercent} %`,
    );
  }
  return report;
}

type Target = { name: string; url: string; headers: () => Promise<Record<string, string>> };

/**
 * Direct, our gateway and Hive Gateway loaded in turn, `rounds` times per query (the order rotates each round, so that a drift
 * of the machine's load favours none): per target the median requests/s and p99, and each gateway's share of the direct rate.
 */
async function compareGateways(targets: Target[], queries: Record<string, string>, options: { seconds: number; connections: number; rounds: number }) {
  const report: Record<string, unknown> = {};
  for (const [label, query] of Object.entries(queries)) {
    const runs = new Map<string, Run[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < options.rounds; round += 1) {
      const order = targets.map((_, index) => targets[(index + round) % targets.length] as Target);
      for (const target of order) runs.get(target.name)?.push(await load(target.url, await target.headers(), query, options.seconds, options.connections));
    }
    const medians = Object.fromEntries(
      [...runs].map(([name, list]) => [name, { requestsPerSecond: median(list.map((r) => r.requestsPerSecond)), p99Ms: median(list.map((r) => r.p99Ms)), runs: list }]),
    ) as Record<string, { requestsPerSecond: number; p99Ms: number; runs: Run[] }>;
    const direct = medians['direct']?.requestsPerSecond ?? 0;
    const share = (name: string) => +((medians[name]?.requestsPerSecond ?? 0) / Math.max(1, direct)).toFixed(2);
    report[label] = { ...medians, oursShareOfDirect: share('ours'), hiveShareOfDirect: share('hive'), hiveNoDedupShareOfDirect: share('hive-no-dedup') };
    log(
      `gateways | ${label} | ` +
        targets.map((t) => `${t.name} ${medians[t.name]?.requestsPerSecond} req/s p99 ${medians[t.name]?.p99Ms} ms`).join(' | ') +
        ` | ours ${share('ours')}× direct, hive ${share('hive')}×, hive without deduplication ${share('hive-no-dedup')}×`,
    );
  }
  return report;
}

async function benchSize(
  size: Size,
  seconds: number,
  connections: number,
  overhead: { rounds: number } | null,
  hive: { rounds: number } | null,
  limitsOverhead: { rounds: number } | null = null,
): Promise<Record<string, unknown>> {
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

    const config = loadOrgUnitsConfig(await inProcessServiceEnv(database.url));
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
    const results: Record<string, unknown> = {};
    // The same gateway with one thing off, loaded in turn against ours: its metrics (`--metrics-overhead`), or its limits
    // (`--limits-overhead`, apps/gateway/scripts/gateway-without-limits.ts: what the rate limit — in Redis when REDIS_URL is
    // set, as `npm start` runs it — and the batch, token, depth, alias, directive and cost checks cost).
    const comparison = overhead
      ? { what: 'metrics' as const, key: 'metricsOverhead', rounds: overhead.rounds, start: () => startGatewayProcess({ ORG_UNITS_URL: subgraph.url, METRICS_ENABLED: 'false' }) }
      : limitsOverhead
        ? { what: 'limits' as const, key: 'limitsOverhead', rounds: limitsOverhead.rounds, start: () => startGatewayWithoutLimitsProcess({ ORG_UNITS_URL: subgraph.url }) }
        : null;
    if (comparison) {
      const without = await comparison.start();
      stops.push(() => without.stop());
      const heavy = 'descendants(first: 50) { totalCount edges }';
      results[comparison.key] = await overheadOf(comparison.what, gateway, without, bearer, { 'unit lookup': queries['unit lookup'] as string, [heavy]: queries[heavy] as string }, {
        seconds,
        connections,
        rounds: comparison.rounds,
      });
      return results;
    }
    if (hive) {
      const hiveVariables = { ORG_UNITS_URL: subgraph.url, GATEWAY_SIGNING_KEY: config.GATEWAY_SIGNING_KEY };
      const hiveGateway = await startHiveGatewayProcess(hiveVariables);
      stops.push(() => hiveGateway.stop());
      const hiveWithoutDeduplication = await startHiveGatewayProcess(hiveVariables, ['--no-deduplication']);
      stops.push(() => hiveWithoutDeduplication.stop());
      const bearerHeaders = async () => ({ authorization: bearer });
      const targets: Target[] = [
        {
          name: 'direct',
          url: subgraph.url,
          // Signed per run (bound to the query), at the longest lifetime the subgraph accepts: see below.
          headers: async () => ({}),
        },
        { name: 'ours', url: gateway.graphqlUrl, headers: bearerHeaders },
        { name: 'hive', url: hiveGateway.graphqlUrl, headers: bearerHeaders },
        { name: 'hive-no-dedup', url: hiveWithoutDeduplication.graphqlUrl, headers: bearerHeaders },
      ];
      const compared: Record<string, unknown> = {};
      for (const label of ['unit lookup', 'descendants(first: 50) { totalCount edges }']) {
        const query = queries[label] as string;
        (targets[0] as Target).headers = async () => ({
          'x-antt-gateway-assertion': await signGatewayAssertion(ADMIN, config.GATEWAY_SIGNING_KEY, {
            request: { query },
            ttlSeconds: config.GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS,
          }),
        });
        Object.assign(compared, await compareGateways(targets, { [label]: query }, { seconds, connections, rounds: hive.rounds }));
      }
      results['gateways'] = compared;
      return results;
    }
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
    options: {
      sizes: { type: 'string', default: 'province,national' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20' },
      'metrics-overhead': { type: 'boolean', default: false },
      hive: { type: 'boolean', default: false },
      'limits-overhead': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
    },
  });
  const overhead = values['metrics-overhead'] ? { rounds: Number(values.rounds) } : null;
  const hive = values.hive ? { rounds: Number(values.rounds) } : null;
  const limits = values['limits-overhead'] ? { rounds: Number(values.rounds) } : null;
  const output: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, connections: Number(values.connections), seconds: Number(values.seconds) };
  for (const name of values.sizes.split(',')) {
    const size = SIZES[name];
    if (!size) throw new Error(`unknown size "${name}" (province, national)`);
    output[name] = await benchSize(size, Number(values.seconds), Number(values.connections), overhead, hive, limits);
  }
  log(`written to ${writeBenchResults(overhead ? 'metrics-overhead' : limits ? 'limits-overhead' : hive ? 'gateways' : 'subtree', output)}`);
}

main().catch((error: unknown) => {
  console.error(`[bench-subtree] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
