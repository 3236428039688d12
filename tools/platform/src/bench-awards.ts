/**
 * The awards benchmark (issue 9, "Measure"), through the gateway on a scratch database:
 * - eligibility of 1,000 nominations (`eligibilityReport`: one fact query for all, re-evaluated per request); aim < 1 s. The
 *   conditions include 5 consecutive GOOD years, and every 4th nominated commune is a ward made on 01/01/2024 from a commune
 *   reclassified into it (a 1:1 WHOLE hop, docs/adr/0022) that holds the 2020–2023 years: the facts walk the lineage;
 * - the quota race: 50 concurrent decisions of reviewed, eligible nominations for 15 places; reports the invariant (exactly 15
 *   decided, 35 QUOTA_EXHAUSTED, places used 15) and the latency of the decisions.
 * The unit directory, the facts and the nominations are seeded straight into the awards database (what the consumers and the
 * workflow would have written). Results also go to .local/bench/awards.json.
 *
 * usage: npm run bench:awards [-- --requests 20 --keep]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, mintDevToken, type Role } from '@antt/auth';
import { dropDatabase, freePort, raisedRateLimits, REPO_ROOT, type ServiceProcess, startGatewayService, startServiceProcess } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import pg from 'pg';
import { benchInfra, createBenchDatabase, percentile, writeBenchResults } from './bench-support';

const log = (line: string) => process.stdout.write(`[bench:awards] ${line}\n`);
const NOMINATIONS = 1000;
const RACE = 50;
const QUOTA = 15;

const CONDITIONS = [
  { name: 'safe standard', fact: 'SAFE_STANDARD', op: 'EQ', value: true },
  { name: 'classification ≥ GOOD', fact: 'CLASSIFICATION_RANK', op: 'GTE', value: 3 },
  { name: 'registered in the campaign', fact: 'REGISTERED', op: 'EQ', value: true },
  { name: '5 consecutive years GOOD or better', fact: 'CONSECUTIVE_YEARS_GOOD', op: 'GTE', value: 5 },
];
const DOSSIER = { submissionRef: 'TTr', achievementReportRef: 'BC', councilMinutesRef: 'BB', councilVotesFor: 9, councilVotesAgainst: 0, evidenceRefs: ['QĐ'] };

/**
 * A province with NOMINATIONS + RACE communes, facts for 2024 (every 10th classified AVERAGE), GOOD 2020–2023 (a ward's held
 * by the commune it was reclassified from), a scheme and the nominations.
 */
async function seed(url: string): Promise<{ provinceId: string; campaignId: string; raceIds: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const provinceId = randomUUID();
    const campaignId = randomUUID();
    const race = randomUUID();
    const communes = Array.from({ length: NOMINATIONS + RACE }, () => randomUUID());
    const units = [provinceId, ...communes];
    await client.query(
      `INSERT INTO directory_unit (unit_id, code, kind, revision) SELECT u, 'B-' || n, CASE WHEN n = 1 THEN 'PROVINCE' ELSE 'COMMUNE' END, 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [units],
    );
    await client.query(
      `INSERT INTO directory_unit_version (unit_id, valid_from, name, parent_id) SELECT u, '2019-01-01', 'Đơn vị ' || n, CASE WHEN n = 1 THEN NULL ELSE $2::uuid END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [units, provinceId],
    );
    await client.query(`INSERT INTO campaign_fact (campaign_id, owner_unit_id, title, period_start, period_end) VALUES ($1, $2, 'Bench 2024', '2024-01-01', '2024-12-31'), ($3, $2, 'Bench race 2024', '2024-01-01', '2024-12-31')`, [campaignId, provinceId, race]);
    await client.query(`INSERT INTO registration_fact (registration_id, campaign_id, unit_id, registered_on) SELECT gen_random_uuid(), c, u, '2024-01-10' FROM unnest($1::uuid[]) u, unnest($2::uuid[]) c`, [communes, [campaignId, race]]);
    await client.query(`INSERT INTO recognition_fact (unit_id, year, status, recognised_on, revision) SELECT u, 2024, 'RECOGNISED', '2024-11-25', 1 FROM unnest($1::uuid[]) u`, [communes]);
    await client.query(
      `INSERT INTO classification_fact (unit_id, year, classification, decided_on, revision)
       SELECT u, 2024, CASE WHEN n <= $2 AND n % 10 = 0 THEN 'AVERAGE' ELSE 'GOOD' END, '2024-11-20', 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [communes, NOMINATIONS],
    );
    // Every 4th nominated commune is a ward made on 01/01/2024 from a commune reclassified into it (lineage as the directory holds it).
    const wards = communes.slice(0, NOMINATIONS).filter((_, n) => n % 4 === 3);
    const predecessors = wards.map(() => randomUUID());
    await client.query(
      `INSERT INTO directory_unit (unit_id, code, kind, revision, dissolved_on) SELECT u, 'P-' || n, 'COMMUNE', 2, '2024-01-01' FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [predecessors],
    );
    await client.query(
      `INSERT INTO directory_unit_version (unit_id, valid_from, valid_to, name, parent_id) SELECT u, '2019-01-01', '2024-01-01', 'Xã cũ ' || n, $2::uuid
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [predecessors, provinceId],
    );
    await client.query(`UPDATE directory_unit_version SET valid_from = '2024-01-01' WHERE unit_id = ANY($1::uuid[])`, [wards]);
    await client.query(
      `INSERT INTO directory_unit_lineage (from_unit_id, to_unit_id, effective_date, share, event, ordinal, revision)
       SELECT p, w, '2024-01-01', 'WHOLE', 'RECLASSIFY', 0, 2 FROM unnest($1::uuid[], $2::uuid[]) AS t(p, w)`,
      [predecessors, wards],
    );
    const wardSet = new Set(wards);
    await client.query(
      `INSERT INTO classification_fact (unit_id, year, classification, decided_on, revision)
       SELECT u, y, 'GOOD', make_date(y, 11, 20), 1 FROM unnest($1::uuid[]) u, generate_series(2020, 2023) y`,
      [[...communes.filter((commune) => !wardSet.has(commune)), ...predecessors]],
    );
    for (const [id, quota] of [[campaignId, null], [race, QUOTA]] as const) {
      await client.query(`INSERT INTO award_scheme (campaign_id, version, created_by) VALUES ($1, 1, 'bench')`, [id]);
      await client.query(`INSERT INTO award_scheme_form (campaign_id, version, form_code, quota, rules) VALUES ($1, 1, 'CERTIFICATE_OF_MERIT', $2, $3)`, [id, quota, JSON.stringify({ COLLECTIVE: CONDITIONS })]);
    }
    const insert = `INSERT INTO nomination (id, campaign_id, form_code, recipient_kind, unit_id, subject_key, nominating_unit_id, legal_ground, achievement, dossier, status, appraisal_eligible)
      SELECT gen_random_uuid(), $1, 'CERTIFICATE_OF_MERIT', 'COLLECTIVE', u, u::text, $2, 'LTDKT2022-D76', 'Thành tích 2024', $3, $4, $5 FROM unnest($6::uuid[]) u RETURNING id::text`;
    await client.query(insert, [campaignId, provinceId, JSON.stringify(DOSSIER), 'SUBMITTED', null, communes.slice(0, NOMINATIONS)]);
    // The race's nominations are eligible (every 10th of the first 1,000 only is AVERAGE) and reviewed by the council.
    const raced = await client.query<{ id: string }>(insert, [race, provinceId, JSON.stringify(DOSSIER), 'COUNCIL_REVIEWED', true, communes.slice(NOMINATIONS)]);
    return { provinceId, campaignId, raceIds: raced.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

async function post(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { errors?: Array<{ extensions?: { reason?: string } }>; data?: Record<string, unknown> | null };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false } } });
  const requests = Number(values.requests);
  const { adminUrl, brokers } = benchInfra();
  const { name, url } = await createBenchDatabase(adminUrl, 'bench_awards_');
  const services: ServiceProcess[] = [];
  try {
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/awards'), databaseUrl: url });
    const { provinceId, campaignId, raceIds } = await seed(url);
    log(`seeded ${NOMINATIONS} nominations and ${raceIds.length} reviewed ones for ${QUOTA} places`);
    const common = { NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers, GATEWAY_SIGNING_KEY: 'bench-awards-gateway-signing-key-0123456789' };
    const awards = await startServiceProcess({
      name: 'awards',
      entry: 'apps/awards/src/main.ts',
      port: await freePort(),
      env: {
        ...common,
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '20',
        OUTBOX_RELAY_ENABLED: 'false',
        UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
        FACTS_CONSUMER_ENABLED: 'false',
        // Production refuses the published development keys of nominees' personal data: keys of this run only.
        AWARDS_NOMINEE_HASH_KEY: randomBytes(32).toString('hex'),
        AWARDS_NOMINEE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      },
    });
    services.push(awards);
    const gateway = await startGatewayService({
      ...common,
      // The development token secret is refused in production; the gateway runs as in tests (its limits as configured here).
      NODE_ENV: 'test',
      JWT_HS256_SECRET: DEV_JWT_HS256_SECRET,
      AWARDS_URL: awards.graphqlUrl,
      GATEWAY_LIMITS: raisedRateLimits(100_000),
    });
    services.push(gateway);
    const token = (roles: Role[]) => mintDevToken({ subject: 'bench-awards', roles, unitId: provinceId, secret: DEV_JWT_HS256_SECRET });

    const police = await token(['STEERING_OFFICER']);
    const report = `query($id: ID!) { eligibilityReport(campaignId: $id) { evaluated eligible ineligible failedByCondition { name count } } }`;
    for (let i = 0; i < 3; i += 1) await post(gateway.graphqlUrl, police, report, { id: campaignId });
    const timings: number[] = [];
    let last: unknown = null;
    for (let i = 0; i < requests; i += 1) {
      const started = performance.now();
      const body = await post(gateway.graphqlUrl, police, report, { id: campaignId });
      timings.push(performance.now() - started);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      last = body.data?.eligibilityReport;
    }
    timings.sort((a, b) => a - b);
    const eligibility = { nominations: NOMINATIONS, requests, p50Ms: +percentile(timings, 50).toFixed(1), p95Ms: +percentile(timings, 95).toFixed(1), maxMs: +(timings.at(-1) ?? Number.NaN).toFixed(1), result: last };
    log(`eligibility of ${NOMINATIONS} nominations: ${JSON.stringify(eligibility)}`);

    const board = await token(['APPRAISER']);
    const decide = `mutation($input: DecideNominationInput!) { decideNomination(input: $input) { id status } }`;
    const raceStarted = performance.now();
    const outcomes = await Promise.all(
      raceIds.map(async (id, n) => {
        const started = performance.now();
        const body = await post(gateway.graphqlUrl, board, decide, { input: { id, decisionNumber: `${n + 1}/QĐ-UBND`, decidedOn: '2024-12-20', authority: 'Chủ tịch Ủy ban nhân dân tỉnh' } });
        return { ms: performance.now() - started, decided: (body.data?.decideNomination as { status?: string } | undefined)?.status === 'DECIDED', reason: body.errors?.[0]?.extensions?.reason ?? null };
      }),
    );
    const wall = performance.now() - raceStarted;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stored = await client.query<{ decided: string; used: number | null }>(
      `SELECT (SELECT count(*) FROM nomination WHERE status = 'DECIDED') AS decided, (SELECT sum(used)::int FROM award_quota_use) AS used`,
    );
    await client.end();
    const [row = { decided: '0', used: null }] = stored.rows;
    const decidedStored = Number(row.decided);
    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const race = {
      concurrent: raceIds.length,
      quota: QUOTA,
      decidedAnswers: outcomes.filter((o) => o.decided).length,
      quotaExhaustedAnswers: outcomes.filter((o) => o.reason === 'QUOTA_EXHAUSTED').length,
      decidedStored,
      placesUsed: row.used,
      invariantHolds: decidedStored === QUOTA && row.used === QUOTA,
      p50Ms: +percentile(latencies, 50).toFixed(1),
      p95Ms: +percentile(latencies, 95).toFixed(1),
      maxMs: +(latencies.at(-1) ?? Number.NaN).toFixed(1),
      wallMs: +wall.toFixed(1),
    };
    log(`quota race: ${JSON.stringify(race)}`);
    writeBenchResults('awards', { at: new Date().toISOString(), eligibility, race });
    if (!race.invariantHolds) process.exitCode = 1;
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
