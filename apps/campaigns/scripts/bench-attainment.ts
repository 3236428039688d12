/**
 * Latency of target attainment through the gateway (not a timed test): `Campaign.attainment` of the demo 2024 Thái Bình
 * campaign (the provincial campaign, its 8 district campaigns, ~5,200 registrations, synthetic 2024 recognitions and
 * classifications written straight into the read model, as the attainment consumer would from assessments' events) read by the provincial police, one request at a time, p50/p95/max.
 *
 * Sizes: `province`: the unit directory holds the demo province only (5,589 units); `national`: it also holds a national-size
 * tree (63 provinces, 10,000 communes, 100,000 residential areas), to show that a province's attainment costs the same when the
 * directory holds the whole country (the read walks the campaign's subtree only).
 *
 * usage: DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres KAFKA_BROKERS=127.0.0.1:9092 ANTT_TEST_INFRA=local \
 *   npx tsx --tsconfig apps/campaigns/tsconfig.json apps/campaigns/scripts/bench-attainment.ts [--sizes province,national] [--requests 200] [--keep]
 * Each size runs on a scratch database (prefix `batt_`, dropped afterwards); the directory is written through its projection
 * (as the consumer does), the subgraph runs in this process with its consumers and relay off, the gateway as its own process.
 * Writes .local/bench/attainment.json.
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { createMigratedTestDatabase, demoRows, demoUnitStates, inProcessServiceEnv, startGatewayProcess, writeBenchResults } from '@antt/testing';
import { UnitDirectory, projectUnitStates, safeStandardScope } from '@antt/unit-directory';
import { startCampaigns } from '../src/app';
import { DEV_PLEDGE_KEYS, loadCampaignsConfig } from '../src/config';
import { AttainmentRepository, type ClassificationDecision, LEVEL_KINDS, type RecognitionDecision, projectClassifications, projectRecognitions } from '../src/domain/attainment';
import { REGISTERING_KINDS } from '../src/domain/registration';
import { type PrismaClient } from '../src/generated/prisma/client';
import { loadDemoCampaigns } from '../src/demo/load-demo';
import { createBulkSql } from '../src/infrastructure/bulk-sql';
import { createPrismaClient } from '../src/infrastructure/prisma-client';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const log = (line: string) => process.stdout.write(`[bench-attainment] ${line}\n`);

/** A stable pseudo-random number 0..999 per unit code and purpose. */
function draw(code: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${code}`).digest().readUInt16BE(0) % 1000;
}

/**
 * Benchmark fixture (not demo data: the demo's decisions come from the assessments service): of the registered units, ~88% of
 * those in the safe standard's scope recognised (1% of them revoked), ~6% not, the rest pending; classes ~7/53/30/10%.
 */
async function syntheticDecisions(prisma: PrismaClient, provinceCode: string): Promise<{ recognitions: RecognitionDecision[]; classifications: ClassificationDecision[] }> {
  const province = await prisma.directoryUnit.findFirst({ where: { code: provinceCode } });
  if (!province) return { recognitions: [], classifications: [] };
  const units = await new UnitDirectory(prisma).descendantsOf(province.unitId, '2024-06-01', REGISTERING_KINDS);
  const registrations = new Map((await prisma.registration.findMany({ where: { status: 'SUBMITTED' } })).map((r) => [r.unitId, r]));
  const recognitions: RecognitionDecision[] = [];
  const classifications: ClassificationDecision[] = [];
  for (const unit of units) {
    const registration = registrations.get(unit.unitId);
    if (!registration) continue;
    const kind = unit.kind as RecognitionDecision['unitKind'];
    const common = { unitId: unit.unitId, unitKind: kind, year: 2024, campaignId: registration.campaignId, decidingUnitId: unit.managingUnitId ?? unit.parentId ?? province.unitId, revision: 1 };
    const decidedOn = kind === 'RESIDENTIAL_AREA' ? '2024-11-25' : '2024-12-10';
    if (registration.forSafeStandard && safeStandardScope(kind, unit.attributes).applies) {
      const roll = draw(unit.code, 'recognition');
      if (roll >= 130) recognitions.push({ ...common, decisionNumber: '1/QĐ-UBND', status: 'RECOGNISED', decidedOn, recognisedOn: decidedOn, revokedOn: null, reason: null });
      else if (roll >= 120) recognitions.push({ ...common, revision: 2, decisionNumber: '1/QĐ-UBND', status: 'REVOKED', decidedOn: '2024-12-20', recognisedOn: decidedOn, revokedOn: '2024-12-20', reason: 'bench' });
      else if (roll >= 60) recognitions.push({ ...common, decisionNumber: null, status: 'NOT_RECOGNISED', decidedOn, recognisedOn: null, revokedOn: null, reason: 'bench' });
    }
    if (registration.forClassification) {
      const roll = draw(unit.code, 'classification');
      const classification = roll < 70 ? 'EXCELLENT' : roll < 600 ? 'GOOD' : roll < 900 ? 'AVERAGE' : 'WEAK';
      classifications.push({ ...common, decisionNumber: null, classification, score: 60 + (roll % 40), ruleSetVersion: 'bench', decidedOn: kind === 'RESIDENTIAL_AREA' ? '2024-11-20' : '2024-11-30' });
    }
  }
  return { recognitions, classifications };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const QUERIES = {
  'attainment: every target, byKind, byLevel': `targets { code numerator denominator percent met byKind { kind numerator denominator percent met } byLevel { level units unitsMet unitsNotMet } }`,
  'attainment: + levelUnits(first: 20) + shortfall(first: 20)': `targets { code numerator denominator percent met metLabel byKind { kind numerator denominator } byLevel { level units unitsMet } levelUnits(first: 20) { code name numerator denominator percent met } shortfall(first: 20) { totalCount endCursor hasNextPage units { code name kind reason } } }`,
};

async function benchSize(size: string, requests: number, keep: boolean): Promise<Record<string, unknown>> {
  const database = await createMigratedTestDatabase('batt_', PROJECT_ROOT);
  const stops: Array<() => Promise<void>> = [];
  try {
    const prisma = createPrismaClient(database.url, 4);
    stops.push(() => prisma.$disconnect());
    const rows = [...(await demoRows('thai-binh', 'bench-attainment-')), ...(size === 'national' ? await demoRows('national', 'bench-attainment-') : [])];
    const { states } = demoUnitStates(rows);
    let started = performance.now();
    for (let start = 0; start < states.length; start += 5000) {
      await prisma.$transaction((tx) => projectUnitStates(tx, states.slice(start, start + 5000)), { timeout: 120_000 });
    }
    log(`${size}: ${states.length} units projected into the unit directory in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const bulk = createBulkSql(database.url, 1);
    stops.push(() => bulk.end());
    const demo = await loadDemoCampaigns(prisma, bulk, { earliest: '2000-01-01', latest: '2100-12-31' }, DEV_PLEDGE_KEYS, log);
    const { recognitions, classifications } = await syntheticDecisions(prisma, 'TB');
    await prisma.$transaction(async (tx) => {
      await projectRecognitions(tx, recognitions);
      await projectClassifications(tx, classifications);
    });
    await prisma.$executeRawUnsafe('VACUUM ANALYZE');
    log(`${size}: ${demo.registrations} registrations, ${recognitions.length} recognitions, ${classifications.length} classifications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const [campaign] = await prisma.$queryRaw<Array<{ id: string; scope: string }>>`SELECT id::text, scope_unit_id::text AS scope FROM campaign WHERE parent_campaign_id IS NULL`;
    if (!campaign) throw new Error('no demo campaign');

    const config = loadCampaignsConfig({
      ...(await inProcessServiceEnv(database.url)),
      ATTAINMENT_CONSUMER_ENABLED: 'false',
      DEADLINE_SCHEDULER_INTERVAL_MS: '0',
    });
    const subgraph = await startCampaigns(config, { clock: { today: () => '2024-12-31', now: () => new Date() }, handleSignals: false });
    stops.push(() => subgraph.stop());
    const gateway = await startGatewayProcess({ CAMPAIGNS_URL: subgraph.url });
    stops.push(() => gateway.stop());
    const token = await mintDevToken({ subject: 'bench', roles: ['STEERING_OFFICER'], unitId: campaign.scope, secret: DEV_JWT_HS256_SECRET });

    const results: Record<string, unknown> = { loadAverageAtStart: loadavg().map((n) => +n.toFixed(1)), units: states.length, registrations: demo.registrations, recognitions: recognitions.length, classifications: classifications.length };
    for (const [label, selection] of Object.entries(QUERIES)) {
      const query = `{ campaign(id: "${campaign.id}") { attainment(asOf: "2024-12-31") { ${selection} } } }`;
      const send = async () => {
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: unknown; data?: { campaign: { attainment: { targets: Array<{ code: string; numerator: number; denominator: number; percent: number | null; met: boolean | null }> } } } };
        if (body.errors || !body.data) throw new Error(`${label}: ${JSON.stringify(body.errors)}`);
        return body.data.campaign.attainment.targets;
      };
      let targets = await send();
      for (let i = 0; i < 20; i++) await send();
      const timings: number[] = [];
      // CPU of this process (the subgraph and the client) per request: what a request costs whatever else the machine runs.
      const cpu = process.cpuUsage();
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        targets = await send();
        timings.push(performance.now() - t0);
      }
      const used = process.cpuUsage(cpu);
      timings.sort((a, b) => a - b);
      const row = {
        requests,
        p50Ms: +percentile(timings, 50).toFixed(1),
        p95Ms: +percentile(timings, 95).toFixed(1),
        maxMs: +(timings.at(-1) ?? Number.NaN).toFixed(1),
        subgraphAndClientCpuMsPerRequest: +((used.user + used.system) / 1000 / requests).toFixed(1),
      };
      results[label] = row;
      results.figures = targets.map((t) => `${t.code} ${t.numerator}/${t.denominator} ${t.percent}% ${t.met ? 'met' : 'not met'}`);
      log(`${size} | ${label} | ${JSON.stringify(row)}`);
    }
    // The statement alone (no HTTP, no GraphQL): what the database costs of each read above.
    const family = (await prisma.campaign.findMany({ select: { id: true } })).map((row) => row.id);
    // The repository read alone (no gateway, no GraphQL): with its subtree shape kept in memory (the steady state), and with
    // no shape kept (every read walks the directory too: the first read after a directory write, ADR 0013 addendum).
    const kinds = ['RESIDENTIAL_AREA', 'COMMUNE', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'DEPARTMENT'] as const;
    for (const [label, repository] of [
      ['statement alone (subtreeFacts, shape kept)', new AttainmentRepository(prisma)],
      ['statements alone (subtreeFacts, shape not kept)', new AttainmentRepository(prisma, 0)],
    ] as const) {
      const statement = () =>
        repository.subtreeFacts({ rootUnitId: campaign.scope, asOf: '2024-12-31', levelKinds: LEVEL_KINDS, rootCampaignId: campaign.id, familyCampaignIds: family, year: 2024, countedKinds: kinds });
      for (let i = 0; i < 10; i++) await statement();
      const sqlTimings: number[] = [];
      const sqlCpu = process.cpuUsage();
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        await statement();
        sqlTimings.push(performance.now() - t0);
      }
      sqlTimings.sort((a, b) => a - b);
      const sqlUsed = process.cpuUsage(sqlCpu);
      results[label] = {
        requests,
        p50Ms: +percentile(sqlTimings, 50).toFixed(1),
        p95Ms: +percentile(sqlTimings, 95).toFixed(1),
        clientCpuMsPerRequest: +((sqlUsed.user + sqlUsed.system) / 1000 / requests).toFixed(1),
      };
      log(`${size} | ${label} | ${JSON.stringify(results[label])}`);
    }
    log(`${size} | figures: ${(results.figures as string[]).join('; ')}`);
    results.loadAverageAtEnd = loadavg().map((n) => +n.toFixed(1));
    return results;
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (keep) log(`kept ${database.url}`);
    else await database.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: 'province,national' }, requests: { type: 'string', default: '200' }, keep: { type: 'boolean', default: false } },
  });
  const output: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
  for (const size of values.sizes.split(',')) {
    if (size !== 'province' && size !== 'national') throw new Error(`unknown size "${size}" (province, national)`);
    output[size] = await benchSize(size, Number(values.requests), values.keep);
  }
  log(`written to ${writeBenchResults('attainment', output)}`);
}

main().catch((error: unknown) => {
  console.error(`[bench-attainment] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
