/**
 * The national reorganisation benchmark (issue 5, "Measure" and item 18), on scratch databases and topics of its own:
 *  1. starts org-units, the services that keep a unit directory (campaigns, models, assessments, awards: `--directories`)
 *     and the gateway on free ports, loads the demo province (Thái Bình, 5,589 units);
 *  2. keeps a read load on the gateway the whole time (`unitByCode` + `descendants(first: 50)` of a province, bounded
 *     concurrency), recording every latency with the phase it started in;
 *  3. imports the national tree (110,756 units) with the import CLI, then waits until every unit directory matches;
 *  4. records the synthetic national reform (63 → 34 provinces, districts abolished, communes 3:1, 15% partial parts)
 *     from its mapping with the reorganisation CLI, which times conversion, dry run and apply separately;
 *  5. measures how long after the apply each unit directory holds every unit at org-units' revision (and all of them);
 *  6. prints read p50/p95/p99/max per phase and every read slower than a second, and writes `.local/bench/reform.json`.
 *
 * usage: npm run bench:reform [-- --concurrency 4] [--before 15] [--after 60] [--catch-up-timeout 120]
 *   [--directories campaigns,models,assessments,awards] [--keep]
 * Ctrl-C stops the load and the services and drops what it created.
 * Needs DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) and KAFKA_BROKERS (default 127.0.0.1:9092)
 * to point at running servers; it starts no infrastructure. `--keep` leaves the databases and topics for inspection.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEV_JWT_HS256_SECRET, mintDevToken } from '@antt/auth';
import { TOPICS } from '@antt/contracts';
import { deleteTopics, ensureTopics } from '@antt/events';
import { createDatabases, databaseUrl, dropDatabase, freePort, printWarnings, raisedRateLimits, REPO_ROOT, type ServiceProcess, startGatewayService, startServiceProcess } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import { serializeRows, thaiBinhTree } from './demo';
import { applySyntheticReform, percentile, runTool, writeSyntheticReformFiles } from './bench-support';

/** The services that keep a unit directory fed by org-units' events. */
const DIRECTORY_SERVICES = ['campaigns', 'models', 'assessments', 'awards'] as const;
const OUT = path.join(REPO_ROOT, '.local', 'bench');
const log = (line: string) => process.stdout.write(`[bench:reform] ${(performance.now() / 1000).toFixed(1).padStart(6)} s  ${line}\n`);

type Phase = 'before' | 'import' | 'after-import' | 'reform' | 'after-reform';

interface Sample {
  phase: Phase;
  code: string;
  startedAtS: number;
  ms: number;
  ok: boolean;
}

function summarise(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const round = (value: number) => +value.toFixed(1);
  return {
    requests: samples.length,
    failed: samples.filter((s) => !s.ok).length,
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(ms.at(-1) ?? Number.NaN),
  };
}


/** Reads through the gateway until stopped: each worker asks for one province after another, one request at a time. */
class ReadLoad {
  readonly samples: Sample[] = [];
  phase: Phase = 'before';
  codes: string[] = ['TB'];
  private stopping = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly t0: number,
  ) {}

  private ticker: NodeJS.Timeout | undefined;

  start(concurrency: number): void {
    this.workers = Array.from({ length: concurrency }, (_, worker) => this.work(worker));
    let seen = 0;
    this.ticker = setInterval(() => {
      const recent = this.samples.slice(seen);
      seen = this.samples.length;
      log(`reads in the last 10 s (${this.phase}): ${JSON.stringify(summarise(recent))}`);
    }, 10_000);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.ticker);
    await Promise.all(this.workers);
  }

  private async work(worker: number): Promise<void> {
    const query = `query($code: String!) { unitByCode(code: $code) { id name descendants(first: 50) { totalCount edges { node { id code name kind } } } } }`;
    for (let i = worker; !this.stopping; i += 1) {
      const code = this.codes[i % this.codes.length] as string;
      const phase = this.phase;
      const started = performance.now();
      let ok = false;
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ query, variables: { code } }),
          signal: AbortSignal.timeout(120_000),
        });
        const body = (await response.json()) as { errors?: unknown; data?: { unitByCode: unknown } };
        ok = !body.errors && body.data?.unitByCode !== null;
      } catch {
        ok = false;
      }
      const ended = performance.now();
      this.samples.push({ phase, code, startedAtS: +((started - this.t0) / 1000).toFixed(2), ms: ended - started, ok });
      if (!ok) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Count and sum of revisions: the directory is caught up when both equal org-units' (revisions only grow). */
async function revisions(client: pg.Client, table: 'unit' | 'directory_unit'): Promise<{ count: number; sum: number }> {
  const { rows } = await client.query<{ count: string; sum: string | null }>(`SELECT count(*)::text AS count, sum(revision)::text AS sum FROM ${table}`);
  return { count: Number(rows[0]?.count ?? 0), sum: Number(rows[0]?.sum ?? 0) };
}

interface CatchUp {
  /** Seconds until the directory held every unit at org-units' revision; null when it did not within the timeout. */
  seconds: number | null;
  /** Revisions the directory was behind when the wait began, and how many it applied per second while waiting. */
  backlogRevisions: number;
  revisionsPerSecond: number;
  remainingRevisions: number;
}

/**
 * Waits until the directory holds every unit at org-units' revision, polling every 500 ms. The exact test (count and sum
 * of revisions, a scan of about 120,000 rows: 70–80 ms of a backend on a quiet machine) runs only when two cheap signals
 * say the directory may be done — org-units' outbox holds nothing unpublished, and the directory consumer's inbox gained
 * no entry since the last poll — and every 20th poll for the progress line. Run on every poll by all four waits side by
 * side, with a connection each time, it took by that estimate about a third of the 2 cores while the directories were
 * being measured.
 */
async function waitForDirectory(orgUnitsUrl: string, directoryUrl: string, groupId: string, timeoutS: number, name: string): Promise<CatchUp> {
  // One connection per database for the whole wait (a connection per poll forked a PostgreSQL backend each time).
  const orgUnits = new pg.Client({ connectionString: orgUnitsUrl });
  const directory = new pg.Client({ connectionString: directoryUrl });
  try {
    await Promise.all([orgUnits.connect(), directory.connect()]);
    const started = performance.now();
    const target = await revisions(orgUnits, 'unit');
    const first = await revisions(directory, 'directory_unit');
    const report = (seen: { count: number; sum: number }, seconds: number | null): CatchUp => {
      const elapsed = (performance.now() - started) / 1000;
      return {
        seconds: seconds === null ? null : +seconds.toFixed(1),
        backlogRevisions: target.sum - first.sum,
        revisionsPerSecond: elapsed > 0 ? Math.round((seen.sum - first.sum) / elapsed) : 0,
        remainingRevisions: target.sum - seen.sum,
      };
    };
    const latestEntry = async () =>
      (await directory.query<{ at: string | null }>('SELECT max(processed_at)::text AS at FROM inbox_entry WHERE consumer = $1', [groupId])).rows[0]?.at ?? null;
    const unpublished = async () => (await orgUnits.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL) AS any')).rows[0]?.any ?? true;
    let previous = await latestEntry();
    for (let polls = 0; ; polls += 1) {
      const latest = await latestEntry();
      const quiet = latest === previous && !(await unpublished());
      previous = latest;
      const progress = polls % 20 === 19;
      if (quiet || progress) {
        const seen = await revisions(directory, 'directory_unit');
        const seconds = (performance.now() - started) / 1000;
        if (seen.count === target.count && seen.sum === target.sum) return report(seen, seconds);
        if (progress) log(`${name} directory: ${seen.count}/${target.count} units, revision sum ${seen.sum}/${target.sum}`);
      }
      if ((performance.now() - started) / 1000 > timeoutS) {
        const seen = await revisions(directory, 'directory_unit');
        log(`${name} directory not caught up after ${timeoutS} s: ${seen.count}/${target.count} units, revision sum ${seen.sum}/${target.sum}`);
        return report(seen, null);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await Promise.all([orgUnits.end().catch(() => undefined), directory.end().catch(() => undefined)]);
  }
}

/** Every directory's catch-up, waited for side by side, and the time until the last one matched (null: one did not). */
async function waitForDirectories(
  orgUnitsUrl: string,
  directories: Readonly<Record<string, { url: string; groupId: string }>>,
  timeoutS: number,
): Promise<{ allSeconds: number | null; byService: Record<string, CatchUp> }> {
  const entries = await Promise.all(
    Object.entries(directories).map(async ([name, { url, groupId }]) => [name, await waitForDirectory(orgUnitsUrl, url, groupId, timeoutS, name)] as const),
  );
  const byService = Object.fromEntries(entries);
  const seconds = entries.map(([, catchUp]) => catchUp.seconds);
  return { allSeconds: seconds.some((value) => value === null) ? null : Math.max(...(seconds as number[])), byService };
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '4' },
      before: { type: 'string', default: '15' },
      after: { type: 'string', default: '60' },
      'catch-up-timeout': { type: 'string', default: '120' },
      directories: { type: 'string', default: DIRECTORY_SERVICES.join(',') },
      keep: { type: 'boolean', default: false },
    },
  });
  const directoryServices = values.directories.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of directoryServices) {
    if (!(DIRECTORY_SERVICES as readonly string[]).includes(name)) throw new Error(`--directories: unknown service ${name} (one of ${DIRECTORY_SERVICES.join(', ')})`);
  }
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const suffix = Date.now().toString(36);
  const names: Record<string, string> = { orgUnits: `bench_reform_ou_${suffix}`, campaigns: `bench_reform_cp_${suffix}` };
  for (const name of directoryServices) names[name] = `bench_reform_${name.slice(0, 6)}_${suffix}`;
  const urls = Object.fromEntries(Object.entries(names).map(([name, database]) => [name, databaseUrl(adminUrl, database)])) as Record<string, string> & { orgUnits: string; campaigns: string };
  // Each directory consumer's group (campaigns' as it always was in this benchmark, the others `<group>-unit-directory`).
  const directoryGroupOf = (name: string) => (name === 'campaigns' ? `bench-reform-unit-directory-${suffix}` : `bench-reform-${name}-${suffix}-unit-directory`);
  const directoryUrls = Object.fromEntries(directoryServices.map((name) => [name, { url: urls[name] as string, groupId: directoryGroupOf(name) }]));
  const prefix = `bench_reform_${suffix}.`;
  const topics = TOPICS.map((topic) => ({ ...topic, name: `${prefix}${topic.name}` }));
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: 2, shared: true }, at: new Date().toISOString() };
  const services: ServiceProcess[] = [];
  let load: ReadLoad | undefined;
  mkdirSync(OUT, { recursive: true });
  const interrupted = new Promise<never>((_, reject) => process.once('SIGINT', () => reject(new Error('interrupted'))));
  interrupted.catch(() => undefined);
  try {
    await createDatabases(adminUrl, Object.values(names));
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/org-units'), databaseUrl: urls.orgUnits });
    for (const name of new Set(['campaigns', ...directoryServices])) await migrateDeploy({ projectRoot: path.join(REPO_ROOT, `apps/${name}`), databaseUrl: urls[name] as string });
    await ensureTopics(brokers, topics);

    const files = { demo: path.join(OUT, 'thai-binh.json'), national: path.join(OUT, 'national.json'), mapping: path.join(OUT, 'national-reform.json') };
    writeFileSync(files.demo, serializeRows(thaiBinhTree(), 'json'));
    log(await writeSyntheticReformFiles(files));
    log('loading the demo province');
    await runTool(['apps/org-units/src/import/cli.ts', files.demo], { DATABASE_URL: urls.orgUnits });

    const common = { NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix };
    const orgUnits = await startServiceProcess({ name: 'org-units', entry: 'apps/org-units/src/main.ts', port: await freePort(), readyPath: '/ready', env: { ...common, DATABASE_URL: urls.orgUnits }, onOutput: printWarnings('org-units') });
    services.push(orgUnits);
    const campaigns = await startServiceProcess({
      name: 'campaigns',
      entry: 'apps/campaigns/src/main.ts',
      port: await freePort(),
      readyPath: '/ready',
      env: { ...common, DATABASE_URL: urls.campaigns, UNIT_DIRECTORY_GROUP_ID: directoryGroupOf('campaigns'), ATTAINMENT_GROUP_ID: `bench-reform-attainment-${suffix}` },
      onOutput: printWarnings('campaigns'),
    });
    services.push(campaigns);
    // The other services that keep a unit directory, each with its own consumer group; their other consumers and schedulers
    // as they start by default (what a deployment runs), their relays on (nothing to publish in this benchmark).
    for (const name of directoryServices.filter((service) => service !== 'campaigns')) {
      const group = `bench-reform-${name}-${suffix}`;
      const groups: Record<string, Record<string, string>> = {
        models: { MODELS_UNIT_DIRECTORY_GROUP_ID: directoryGroupOf('models') },
        assessments: { ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID: directoryGroupOf('assessments'), ASSESSMENTS_FACTS_GROUP_ID: `${group}-facts` },
        awards: { AWARDS_UNIT_DIRECTORY_GROUP_ID: directoryGroupOf('awards'), AWARDS_FACTS_GROUP_ID: `${group}-facts` },
      };
      services.push(
        await startServiceProcess({
          name,
          entry: `apps/${name}/src/main.ts`,
          port: await freePort(),
          readyPath: '/ready',
          env: { ...common, DATABASE_URL: urls[name] as string, ...groups[name] },
          onOutput: printWarnings(name),
        }),
      );
    }
    const gateway = await startGatewayService(
      {
        ...common,
        ORG_UNITS_URL: orgUnits.graphqlUrl,
        CAMPAIGNS_URL: campaigns.graphqlUrl,
        // The read load comes from one subject: the gateway's rate limits would measure themselves (its other limits stay).
        GATEWAY_LIMITS: raisedRateLimits(1_000_000),
      },
      printWarnings('gateway'),
    );
    services.push(gateway);
    log(`services ready; waiting for the demo province in the unit directories (${directoryServices.join(', ')})`);
    await waitForDirectories(urls.orgUnits, directoryUrls, 300);
    const catchUpTimeout = Number(values['catch-up-timeout']);

    const token = await mintDevToken({ subject: 'bench', roles: ['SYSTEM_ADMIN'], unitId: '00000000-0000-4000-8000-000000000000', secret: DEV_JWT_HS256_SECRET, expiresIn: '2h' });
    const t0 = performance.now();
    load = new ReadLoad(gateway.graphqlUrl, token, t0);
    load.start(Number(values.concurrency));
    const phases: Record<string, { fromS: number; toS: number }> = {};
    const phase = async <T>(name: Phase, work: () => Promise<T>): Promise<T> => {
      (load as ReadLoad).phase = name;
      const fromS = (performance.now() - t0) / 1000;
      log(`phase ${name}`);
      try {
        return await Promise.race([work(), interrupted]);
      } finally {
        phases[name] = { fromS: +fromS.toFixed(1), toS: +((performance.now() - t0) / 1000).toFixed(1) };
      }
    };

    await phase('before', () => sleep(Number(values.before)));
    const importOutput = await phase('import', () => runTool(['apps/org-units/src/import/cli.ts', files.national], { DATABASE_URL: urls.orgUnits }));
    const importLine = importOutput.split('\n').find((line) => line.includes('units/s')) ?? '';
    log(importLine.trim());
    load.codes = ['TB', 'P01', 'P59'];
    const importCatchUp = await phase('after-import', async () => {
      const caughtUp = await waitForDirectories(urls.orgUnits, directoryUrls, catchUpTimeout);
      for (const [name, catchUp] of Object.entries(caughtUp.byService)) log(`${name} directory after the import: ${JSON.stringify(catchUp)}`);
      log(`every directory matched ${caughtUp.allSeconds ?? `not within ${catchUpTimeout}`} s after the import`);
      await sleep(Math.max(0, Number(values.after) - (caughtUp.allSeconds ?? catchUpTimeout)));
      return caughtUp;
    });
    const reformOutput = await phase('reform', () => applySyntheticReform(files.mapping, urls.orgUnits));
    const reformLines = reformOutput.split('\n').filter((line) => /operations\.|recorded in|Dry run in|Applied in|Apply phases/.test(line));
    for (const line of reformLines) log(line.trim());
    const number = (pattern: RegExp) => {
      const match = pattern.exec(reformOutput);
      return match ? Number(match[1]) : null;
    };
    const reformCatchUp = await phase('after-reform', async () => {
      const caughtUp = await waitForDirectories(urls.orgUnits, directoryUrls, catchUpTimeout);
      for (const [name, catchUp] of Object.entries(caughtUp.byService)) log(`${name} directory after the reform: ${JSON.stringify(catchUp)}`);
      log(`every directory matched ${caughtUp.allSeconds ?? `not within ${catchUpTimeout}`} s after the reform`);
      await sleep(Math.max(0, Number(values.after) - (caughtUp.allSeconds ?? catchUpTimeout)));
      return caughtUp;
    });
    await load.stop();

    const byPhase = (name: Phase) => load?.samples.filter((s) => s.phase === name) ?? [];
    const reads = Object.fromEntries((['before', 'import', 'after-import', 'reform', 'after-reform'] as const).map((name) => [name, { ...phases[name], ...summarise(byPhase(name)) }]));
    const byCode = Object.fromEntries(
      (['before', 'import', 'after-import', 'reform', 'after-reform'] as const).map((name) => {
        const samples = byPhase(name);
        const codes = [...new Set(samples.map((s) => s.code))];
        return [name, Object.fromEntries(codes.map((code) => [code, summarise(samples.filter((s) => s.code === code))]))];
      }),
    );
    const slow = load.samples.filter((s) => s.ms > 1000).map((s) => ({ ...s, ms: Math.round(s.ms) }));
    Object.assign(results, {
      readConcurrency: Number(values.concurrency),
      import: { line: importLine.trim(), directory: importCatchUp },
      reform: {
        operations: number(/: (\d+) operations\./),
        recordSeconds: number(/recorded in ([\d.]+) s/),
        dryRunSeconds: number(/Dry run in ([\d.]+) s/),
        applySeconds: number(/Applied in ([\d.]+) s/),
        summary: reformLines.map((line) => line.trim()),
        directory: reformCatchUp,
      },
      reads,
      readsByProvince: byCode,
      slowReads: slow,
    });
    for (const [name, row] of Object.entries(reads)) log(`reads ${name.padEnd(12)} ${JSON.stringify(row)}`);
    for (const [name, codes] of Object.entries(byCode)) {
      for (const [code, row] of Object.entries(codes)) log(`reads ${name.padEnd(12)} ${code.padEnd(4)} ${JSON.stringify(row)}`);
    }
    log(`${slow.length} reads slower than 1 s: ${JSON.stringify(slow.slice(0, 20))}`);
    writeFileSync(path.join(OUT, `reform-samples-${suffix}.json`), JSON.stringify(load.samples));
  } finally {
    await load?.stop();
    for (const service of services.reverse()) await service.stop();
    if (!values.keep) {
      for (const name of Object.values(names)) await dropDatabase(adminUrl, name);
      await deleteTopics(brokers, topics.map((topic) => topic.name));
    }
  }
  const out = path.join(OUT, 'reform.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(REPO_ROOT, out)}`);
}

main().catch((error: unknown) => {
  console.error(`[bench:reform] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
