/**
 * The models benchmark (issue 7, "Measure"): statistics of a national-scale registry through the gateway.
 *
 * On a scratch database of its own: the national demo tree (63 provinces, 10,000 communes, 100,000 residential areas) written
 * straight into the models unit directory, then 2,500 models by name (each of its own catalogue type) hosted by communes, about
 * 20,000 replicas in their villages, about 124,000 sites, a team, a 2024 training and a 2024 review per model record. The models
 * service and the gateway run as processes (no relay, no consumer: nothing is published); the benchmark then sends
 * `modelStatistics` through the gateway (after deriving the statistics read model of ADR 0017 from the seeded rows), for the whole country (SYSTEM_ADMIN) and for one province, and prints p50/p95/p99/max.
 * Target: p95 < 100 ms. Results also go to .local/bench/models.json.
 *
 * usage: npm run bench:models [-- --requests 100 --keep]
 * Reads DATABASE_ADMIN_URL and KAFKA_BROKERS (defaults: local PostgreSQL and broker); starts no infrastructure.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, mintDevToken, type Role } from '@antt/auth';
import { dropDatabase, freePort, raisedRateLimits, REPO_ROOT, type ServiceProcess, startGatewayService, startServiceProcess } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import pg from 'pg';
import { benchInfra, createBenchDatabase, percentile, writeBenchResults } from './bench-support';
import { nationalTree } from './demo';

const log = (line: string) => process.stdout.write(`[bench:models] ${line}\n`);
const CHUNK = 10_000;
const AS_OF = '2024-12-31';

/** Inserts `rows` (arrays of column values) through `unnest`, in chunks. */
async function insertMany(client: pg.Client, table: string, columns: ReadonlyArray<[string, string]>, rows: readonly unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, index) => chunk.map((row) => row[index]));
    const select = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${select})`, arrays);
  }
}

async function seed(url: string): Promise<{ provinceId: string; counts: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = nationalTree();
    const idOf = new Map(rows.map((row) => [row.code, randomUUID()]));
    const id = (code: string | null | undefined) => (code ? (idOf.get(code) ?? null) : null);
    await insertMany(client, 'directory_unit', [['unit_id', 'uuid'], ['code', 'text'], ['kind', 'text'], ['revision', 'int']], rows.map((row) => [id(row.code), row.code, row.kind, 1]));
    await insertMany(
      client,
      'directory_unit_version',
      [['unit_id', 'uuid'], ['valid_from', 'date'], ['name', 'text'], ['parent_id', 'uuid'], ['managing_unit_id', 'uuid']],
      rows.map((row) => [id(row.code), row.effectiveFrom, row.name, id(row.parentCode), id(row.managingUnitCode)]),
    );
    const communes = rows.filter((row) => row.kind === 'COMMUNE');
    const villagesOf = new Map<string, string[]>();
    for (const row of rows) if (row.kind === 'RESIDENTIAL_AREA' && row.parentCode) villagesOf.set(row.parentCode, [...(villagesOf.get(row.parentCode) ?? []), row.code]);

    const types: unknown[][] = [];
    const models: unknown[][] = [];
    const records: Array<{ id: string; host: string; n: number; original: boolean }> = [];
    for (let n = 0; n < 2500; n += 1) {
      const typeCode = `T${String(n + 1).padStart(4, '0')}`;
      types.push([typeCode, `Loại mô hình ${n + 1}`]);
      const commune = communes[(n * 7919) % communes.length]!; // eslint-disable-line @typescript-eslint/no-non-null-assertion -- index within bounds
      const original = randomUUID();
      const founded = `202${n % 3}-0${1 + (n % 9)}-15`;
      models.push([original, `Mô hình ${n + 1} ${commune.name}`, typeCode, id(commune.code), founded, 'ACTIVE', founded, null, original]);
      records.push({ id: original, host: commune.code, n, original: true });
      for (const [index, village] of (villagesOf.get(commune.code) ?? []).slice(0, 8).entries()) {
        const replica = randomUUID();
        models.push([replica, `Mô hình ${n + 1} (nhân rộng)`, typeCode, id(village), '2023-03-26', 'ACTIVE', '2023-03-26', original, original]);
        records.push({ id: replica, host: village, n: n + index, original: false });
      }
    }
    await insertMany(client, 'model_type', [['code', 'text'], ['name', 'text']], types);
    await insertMany(
      client,
      'self_management_model',
      [['id', 'uuid'], ['name', 'text'], ['type_code', 'text'], ['host_unit_id', 'uuid'], ['founded_on', 'date'], ['status', 'text'], ['status_on', 'date'], ['replicated_from_id', 'uuid'], ['lineage_root_id', 'uuid']],
      models,
    );
    const sites: unknown[][] = [];
    const teams: unknown[][] = [];
    const trainings: unknown[][] = [];
    const reviews: unknown[][] = [];
    for (const record of records) {
      for (let s = 0; s < (record.original ? 10 : 5); s += 1) sites.push([randomUUID(), record.id, id(record.host), `Điểm ${s + 1}`, '2023-04-01']);
      teams.push([randomUUID(), record.id, 'Tổ tự quản', 6 + (record.n % 15), '2023-04-01']);
      if (record.n % 7 !== 0) trainings.push([randomUUID(), record.id, `2024-0${1 + (record.n % 9)}-10`, 'Tập huấn kỹ năng', 'Công an huyện', 12, 'bench']);
      const rating = record.n % 13 === 0 ? 'INEFFECTIVE' : record.n % 5 === 0 ? 'LESS_EFFECTIVE' : 'EFFECTIVE';
      reviews.push([randomUUID(), record.id, id(record.host), 2024, '2023-11-16', '2024-11-15', rating, 'MODEL_EFFECTIVENESS', 1, randomUUID(), '2024-11-20', 'Đánh giá năm 2024', 'bench']);
    }
    await insertMany(client, 'model_site', [['id', 'uuid'], ['model_id', 'uuid'], ['unit_id', 'uuid'], ['name', 'text'], ['opened_on', 'date']], sites);
    await insertMany(client, 'model_team', [['id', 'uuid'], ['model_id', 'uuid'], ['name', 'text'], ['member_count', 'int'], ['formed_on', 'date']], teams);
    await insertMany(
      client,
      'model_training',
      [['id', 'uuid'], ['model_id', 'uuid'], ['held_on', 'date'], ['content', 'text'], ['trainer', 'text'], ['participants', 'int'], ['actor', 'text']],
      trainings,
    );
    await insertMany(
      client,
      'model_review',
      [
        ['id', 'uuid'], ['model_id', 'uuid'], ['host_unit_id', 'uuid'], ['year', 'int'], ['window_start', 'date'], ['window_end', 'date'], ['rating', 'text'],
        ['criteria_set_code', 'text'], ['criteria_version', 'int'], ['reviewer_unit_id', 'uuid'], ['reviewed_on', 'date'], ['reason', 'text'], ['actor', 'text'],
      ],
      reviews,
    );
    // The rows were written straight into the tables, not through the service's commands: derive the statistics read model
    // (ADR 0017) the way the migration backfills it.
    const refreshing = performance.now();
    await client.query('SELECT refresh_model_statistic_periods(ARRAY(SELECT id FROM self_management_model))');
    log(`derived the statistics periods in ${((performance.now() - refreshing) / 1000).toFixed(1)} s`);
    await client.query('ANALYZE');
    const provinceId = id(rows.find((row) => row.kind === 'PROVINCE')?.code) ?? '';
    return { provinceId, counts: { units: rows.length, modelTypes: types.length, modelRecords: models.length, sites: sites.length, teams: teams.length, trainings: trainings.length, reviews: reviews.length } };
  } finally {
    await client.end();
  }
}

async function measure(gatewayUrl: string, label: string, roles: Role[], unitId: string, query: string, requests: number) {
  const token = await mintDevToken({ subject: 'bench-models', roles, unitId, secret: DEV_JWT_HS256_SECRET });
  const send = async () => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown; data?: { modelStatistics: { totals: Record<string, number> } | null } };
    if (body.errors || !body.data?.modelStatistics) throw new Error(`${label}: ${JSON.stringify(body.errors ?? body.data)}`);
    return body.data.modelStatistics.totals;
  };
  for (let i = 0; i < 10; i += 1) await send();
  const timings: number[] = [];
  let totals: Record<string, number> = {};
  for (let i = 0; i < requests; i += 1) {
    const started = performance.now();
    totals = await send();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const row = { requests, p50Ms: +percentile(timings, 50).toFixed(1), p95Ms: +percentile(timings, 95).toFixed(1), p99Ms: +percentile(timings, 99).toFixed(1), maxMs: +(timings.at(-1) ?? Number.NaN).toFixed(1), totals };
  log(`${label}: ${JSON.stringify(row)}`);
  return row;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false } } });
  const requests = Number(values.requests);
  const { adminUrl, brokers } = benchInfra();
  const { name, url } = await createBenchDatabase(adminUrl, 'bench_models_');
  const services: ServiceProcess[] = [];
  try {
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/models'), databaseUrl: url });
    const seeding = performance.now();
    const { provinceId, counts } = await seed(url);
    log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const common = { NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers, GATEWAY_SIGNING_KEY: 'bench-models-gateway-signing-key-0123456789' };
    const models = await startServiceProcess({
      name: 'models',
      entry: 'apps/models/src/main.ts',
      port: await freePort(),
      env: { ...common, DATABASE_URL: url, OUTBOX_RELAY_ENABLED: 'false', UNIT_DIRECTORY_CONSUMER_ENABLED: 'false' },
    });
    services.push(models);
    const gateway = await startGatewayService({
      ...common,
      // The development token secret is refused in production; the gateway runs as in tests, with limits the benchmark stays under.
      NODE_ENV: 'test',
      JWT_HS256_SECRET: DEV_JWT_HS256_SECRET,
      MODELS_URL: models.graphqlUrl,
      GATEWAY_LIMITS: raisedRateLimits(100_000),
    });
    services.push(gateway);
    const counts2 = 'models modelRecords sites teams members trainings effective lessEffective ineffective notReviewed trainingOverdue';
    const results = {
      at: new Date().toISOString(),
      data: counts,
      national: await measure(gateway.graphqlUrl, 'national (SYSTEM_ADMIN, 63 provinces)', ['SYSTEM_ADMIN'], provinceId, `{ modelStatistics(asOf: "${AS_OF}", year: 2024) { totals { ${counts2} } byChild { unitId name counts { models sites } } byHostKind { kind counts { models sites } } } }`, requests),
      province: await measure(gateway.graphqlUrl, 'one province (STEERING_OFFICER)', ['STEERING_OFFICER'], provinceId, `{ modelStatistics(asOf: "${AS_OF}", year: 2024) { totals { ${counts2} } byChild { unitId name counts { models sites } } byHostKind { kind counts { models sites } } } }`, requests),
    };
    writeBenchResults('models', results);
  } finally {
    for (const service of services.reverse()) await service.stop();
    if (values.keep) log(`kept database ${name}`);
    else await dropDatabase(adminUrl, name);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
