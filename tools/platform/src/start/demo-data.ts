import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '@antt/infra';
import pg from 'pg';
import {
  HUNG_YEN_PROVINCE,
  REFORM_ABOLISHED_KINDS,
  REFORM_DATE,
  REFORM_LEGAL_BASIS,
  REFORM_NAME,
  serializeRows,
  thaiBinhReform,
  thaiBinhTree,
} from '../demo';

const TSX = () => path.join(REPO_ROOT, 'node_modules/.bin/tsx');

function runTool(script: string, args: readonly string[], databaseUrl: string, what: string, env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [TSX(), '--tsconfig', 'tsconfig.base.json', script, ...args], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
  });
  if (result.status !== 0) throw new Error(`${what} failed (exited with ${result.status}).`);
}

/**
 * Loads the demo into org-units when its unit table is empty: pre-2025 Thái Bình (and the Hưng Yên province that will
 * absorb it). The 1 July 2025 reform comes later ({@link applyDemoReformIfPending}), once the 2024 demo of every service is
 * in: the order things happened, so that each service meets the reform through its events (models follow their merged
 * hosts, campaigns their merged scope). Returns how many units org-units holds afterwards.
 */
export async function loadDemoProvinceIfEmpty(orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<number> {
  const existing = await countUnits(orgUnitsDatabaseUrl);
  if (existing > 0) {
    log(`demo data: org-units already holds ${existing} units; nothing loaded`);
    return existing;
  }
  const directory = path.join(REPO_ROOT, '.local', 'demo');
  await mkdir(directory, { recursive: true });
  const tree = thaiBinhTree();
  const treeFile = path.join(directory, 'thai-binh-2024.json');
  await writeFile(treeFile, serializeRows([HUNG_YEN_PROVINCE, ...tree], 'json'));
  log('demo data: loading the pre-2025 Thái Bình province into org-units');
  runTool('apps/org-units/src/import/cli.ts', [treeFile], orgUnitsDatabaseUrl, 'Loading the demo province');
  await writeFile(path.join(directory, 'thai-binh-reform-2025.json'), `${JSON.stringify(thaiBinhReform(tree), null, 1)}\n`);
  return countUnits(orgUnitsDatabaseUrl);
}

/**
 * Applies the demo's 1 July 2025 reform as one reorganisation plan (through org-units' mapping CLI, while the services run:
 * its events reach every unit directory) unless org-units already holds an applied plan.
 */
export async function applyDemoReformIfPending(orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: orgUnitsDatabaseUrl });
  await client.connect();
  let applied: number;
  try {
    applied = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM reorganisation_plan WHERE status = 'APPLIED'`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  if (applied > 0) return;
  const reformFile = path.join(REPO_ROOT, '.local', 'demo', 'thai-binh-reform-2025.json');
  await mkdir(path.dirname(reformFile), { recursive: true });
  await writeFile(reformFile, `${JSON.stringify(thaiBinhReform(thaiBinhTree()), null, 1)}\n`);
  log(`demo data: applying the ${REFORM_DATE} reform (Thái Bình into Hưng Yên, communes merged, districts abolished)`);
  runTool(
    'apps/org-units/src/reorganise/cli.ts',
    [reformFile, '--date', REFORM_DATE, '--name', REFORM_NAME, '--legal-basis', REFORM_LEGAL_BASIS, ...REFORM_ABOLISHED_KINDS.flatMap((kind) => ['--abolish', kind]), '--apply'],
    orgUnitsDatabaseUrl,
    'Applying the demo reform',
  );
}

/** Waits until a service's unit directory holds every unit org-units holds, at its latest revision (fed through Kafka). */
async function waitForUnitDirectory(serviceDatabaseUrl: string, orgUnitsDatabaseUrl: string, service: string): Promise<void> {
  const expected = await revisionTotals(orgUnitsDatabaseUrl, 'unit');
  const deadline = Date.now() + 180_000;
  for (;;) {
    const held = await revisionTotals(serviceDatabaseUrl, 'directory_unit');
    if (held === expected) return;
    if (Date.now() > deadline) throw new Error(`The ${service} unit directory did not catch up with org-units within 3 minutes (${held} vs ${expected}).`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Loads the 2024 demo campaigns (the provincial campaign, the district campaigns, registrations of nearly every unit, a few
 * late, a few missing) once the campaigns unit directory holds every unit org-units holds, at its latest revision (the
 * directory is fed through Kafka by the running campaigns service). Does nothing when campaigns already holds campaigns.
 */
export async function loadDemoCampaignsIfEmpty(campaignsDatabaseUrl: string, orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<void> {
  await waitForUnitDirectory(campaignsDatabaseUrl, orgUnitsDatabaseUrl, 'campaigns');
  runTool('apps/campaigns/src/demo/cli.ts', [], campaignsDatabaseUrl, 'Loading the demo campaigns');
  log('demo data: campaigns ready');
}

/**
 * Loads Thái Bình's 2023–2024 demo models (models with replicas, sites, teams, trainings, reviews with a few INEFFECTIVE ones
 * and dissolutions, advanced examples) once the models unit directory has caught up with org-units. Does nothing when models
 * already holds models.
 */
export async function loadDemoModelsIfEmpty(modelsDatabaseUrl: string, orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<void> {
  await waitForUnitDirectory(modelsDatabaseUrl, orgUnitsDatabaseUrl, 'models');
  runTool('apps/models/src/demo/cli.ts', [], modelsDatabaseUrl, 'Loading the demo models');
  log('demo data: models ready');
}

/**
 * Drives Thái Bình's 2024 assessment year through the assessments domain (self-assessments, reviews, classifications,
 * recognitions with R6 and R7 failures, revocations, corrections) once its unit directory has caught up with org-units; the
 * loader waits until the service's facts hold every 2024 registration campaigns holds (projected from campaigns' events). Its
 * events reach campaigns' attainment and awards' fact store through the running relay. Does nothing when assessments already
 * holds assessments.
 */
export async function loadDemoAssessmentsIfEmpty(assessmentsDatabaseUrl: string, campaignsDatabaseUrl: string, orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<void> {
  await waitForUnitDirectory(assessmentsDatabaseUrl, orgUnitsDatabaseUrl, 'assessments');
  const client = new pg.Client({ connectionString: campaignsDatabaseUrl });
  await client.connect();
  let registrations: number;
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM registration WHERE registered_on >= '2024-01-01' AND registered_on < '2025-01-01'`);
    registrations = Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  runTool('apps/assessments/src/demo/cli.ts', [], assessmentsDatabaseUrl, 'Loading the demo assessments', { DEMO_EXPECTED_REGISTRATIONS: String(registrations) });
  log('demo data: assessments ready');
}

/**
 * Runs Thái Bình's 2024 award season through the awards domain (the scheme with its quotas, nominations from communes, districts
 * and the province, returns, refusals on named conditions, decisions in early 2025) once its unit directory has caught up with
 * org-units; the loader waits until its fact store holds what campaigns and assessments hold of 2024 (launched campaigns,
 * registrations, and every classification and recognition at its latest revision), fed through Kafka by the running service.
 * Does nothing when awards already holds nominations.
 */
export async function loadDemoAwardsIfEmpty(
  awardsDatabaseUrl: string,
  databases: { campaigns: string; assessments: string; orgUnits: string },
  log: (line: string) => void,
): Promise<void> {
  await waitForUnitDirectory(awardsDatabaseUrl, databases.orgUnits, 'awards');
  const [campaigns, registrations] = await Promise.all([
    countOf(databases.campaigns, `SELECT count(*) AS n FROM campaign WHERE status <> 'DRAFT'`),
    countOf(databases.campaigns, `SELECT count(*) AS n FROM registration WHERE registered_on >= '2024-01-01' AND registered_on < '2025-01-01'`),
  ]);
  const [classificationRevisions, recognitionRevisions] = await Promise.all([
    countOf(databases.assessments, 'SELECT COALESCE(sum(revision), 0) AS n FROM unit_classification WHERE year = 2024'),
    countOf(databases.assessments, 'SELECT COALESCE(sum(revision), 0) AS n FROM safe_standard_recognition WHERE year = 2024'),
  ]);
  runTool('apps/awards/src/demo/cli.ts', [], awardsDatabaseUrl, 'Loading the demo award season', {
    DEMO_EXPECTED_CAMPAIGNS: String(campaigns),
    DEMO_EXPECTED_REGISTRATIONS: String(registrations),
    DEMO_EXPECTED_CLASSIFICATION_REVISIONS: String(classificationRevisions),
    DEMO_EXPECTED_RECOGNITION_REVISIONS: String(recognitionRevisions),
  });
  log('demo data: awards ready');
}

/** One number read from a database (`SELECT … AS n`). */
async function countOf(databaseUrl: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** `units:revisions` of a unit table, to tell when a copy has caught up with its source. */
async function revisionTotals(databaseUrl: string, table: 'unit' | 'directory_unit'): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ units: string; revisions: string | null }>(`SELECT count(*) AS units, sum(revision) AS revisions FROM ${table}`);
    return `${rows[0]?.units ?? 0}:${rows[0]?.revisions ?? 0}`;
  } finally {
    await client.end();
  }
}

async function countUnits(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM unit');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** The id of the unit with `code` in org-units, for the dev token's jurisdiction. */
export async function unitIdByCode(databaseUrl: string, code: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Codes change over time: the unit that holds the code in its latest period.
    const { rows } = await client.query<{ id: string }>(
      'SELECT unit_id::text AS id FROM unit_version WHERE code = $1 ORDER BY valid_from DESC LIMIT 1',
      [code],
    );
    if (!rows[0]) throw new Error(`org-units has no unit with code ${code}.`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
