import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '@antt/infra';
import pg from 'pg';
import { serializeRows, thaiBinhTree } from '../demo';

/** Loads the demo province into org-units when its unit table is empty; returns how many units it holds afterwards. */
export async function loadDemoProvinceIfEmpty(orgUnitsDatabaseUrl: string, log: (line: string) => void): Promise<number> {
  const existing = await countUnits(orgUnitsDatabaseUrl);
  if (existing > 0) {
    log(`demo data: org-units already holds ${existing} units; nothing loaded`);
    return existing;
  }
  const file = path.join(REPO_ROOT, '.local', 'demo', 'thai-binh-2024.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, serializeRows(thaiBinhTree(), 'json'));
  log('demo data: loading the pre-2025 Thái Bình province into org-units');
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/.bin/tsx'), '--tsconfig', 'tsconfig.base.json', 'apps/org-units/src/import/cli.ts', file],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: orgUnitsDatabaseUrl } },
  );
  if (result.status !== 0) throw new Error(`Loading the demo province failed (import exited with ${result.status}).`);
  return countUnits(orgUnitsDatabaseUrl);
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
    const { rows } = await client.query<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`org-units has no unit with code ${code}.`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
