/**
 * `npm run bench:directory`: the unit-directory projection rate on this machine (issue 11, item 3), without Kafka.
 * Builds the events once (`.local/bench/directory-events.jsonl`, about 220 MB: a scratch org-units database, the
 * national tree imported, the synthetic national reform applied, the outbox dumped in order; `--make-events` builds
 * them again), then runs `apps/campaigns/scripts/bench-directory.ts` on them, which replays them through the consumer
 * kit into a scratch campaigns database and prints events/s and CPU per event for the import and the reform.
 *
 * usage: npm run bench:directory [-- --make-events] [--batch 750] [--partitions 3] [--statements]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, REPO_ROOT } from '@antt/infra';
import { migrateDeploy } from '@antt/prisma-offline';
import { applySyntheticReform, benchInfra, createBenchDatabase, runTool, writeSyntheticReformFiles } from './bench-support';

const OUT = path.join(REPO_ROOT, '.local', 'bench');
const EVENTS = path.join(OUT, 'directory-events.jsonl');
const log = (line: string) => process.stdout.write(`[bench:directory] ${line}\n`);

/** Builds the events file: national import then the synthetic reform on a scratch org-units database, outbox in order. */
async function makeEvents(file: string): Promise<void> {
  const { adminUrl } = benchInfra();
  const db = await createBenchDatabase(adminUrl, 'bench_directory_ou_');
  try {
    await migrateDeploy({ projectRoot: path.join(REPO_ROOT, 'apps/org-units'), databaseUrl: db.url });
    const files = { national: path.join(OUT, 'directory-national.json'), mapping: path.join(OUT, 'directory-national-reform.json') };
    log(await writeSyntheticReformFiles(files));
    log((await runTool(['apps/org-units/src/import/cli.ts', files.national], { DATABASE_URL: db.url })).trim().split('\n').at(-1) ?? '');
    log((await applySyntheticReform(files.mapping, db.url)).split('\n').find((line) => line.startsWith('Applied')) ?? '');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ envelope: string }>('SELECT envelope::text AS envelope FROM outbox_event ORDER BY seq');
      writeFileSync(file, rows.map((row) => row.envelope).join('\n') + '\n');
      log(`${rows.length} events written to ${path.relative(REPO_ROOT, file)}`);
    } finally {
      await client.end();
    }
  } finally {
    await dropDatabase(adminUrl, db.name);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'make-events': { type: 'boolean', default: false },
      batch: { type: 'string', default: '750' },
      partitions: { type: 'string', default: '3' },
      statements: { type: 'boolean', default: false },
    },
  });
  mkdirSync(OUT, { recursive: true });
  if (values['make-events'] || !existsSync(EVENTS)) await makeEvents(EVENTS);
  const args = ['--tsconfig', 'apps/campaigns/tsconfig.json', 'apps/campaigns/scripts/bench-directory.ts', EVENTS, '--batch', values.batch, '--partitions', values.partitions];
  process.stdout.write(await runTool(values.statements ? [...args, '--statements'] : args, {}));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
