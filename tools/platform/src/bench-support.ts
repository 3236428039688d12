import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDatabases, databaseUrl, REPO_ROOT } from '@antt/infra';
import { nationalTree, serializeRows } from './demo';

/** The nearest-rank `p`-th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Where a benchmark finds PostgreSQL and Kafka: DATABASE_ADMIN_URL and KAFKA_BROKERS, else the local ones. Starts nothing. */
export function benchInfra(): { adminUrl: string; brokers: string } {
  return {
    adminUrl: process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  };
}

/** Creates the empty scratch database `<prefix><base-36 time>` on the admin URL's server (never an `antt_*` one). */
export async function createBenchDatabase(adminUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}${Date.now().toString(36)}`;
  await createDatabases(adminUrl, [name]);
  return { name, url: databaseUrl(adminUrl, name) };
}

/** Writes a benchmark's results to `.local/bench/<name>.json`. */
export function writeBenchResults(name: string, output: unknown): void {
  mkdirSync(path.join(REPO_ROOT, '.local', 'bench'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, '.local', 'bench', `${name}.json`), `${JSON.stringify(output, null, 2)}\n`);
}

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');

/** Runs a tool of the repository (a TypeScript file, through tsx) as a child process; resolves with its output, rejects on a non-zero exit. */
export function runTool(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${args.join(' ')} exited with ${code}:\n${text.slice(-4000)}`))));
  });
}

/** The date of the synthetic national reform the benchmarks apply. */
export const SYNTHETIC_REFORM_DATE = '2025-07-01';

/**
 * Writes the synthetic national tree (`national`) and the mapping of its synthetic reform (`mapping`: 63 → 34 provinces,
 * districts abolished, communes about 3:1 with partial parts, by `apps/org-units/scripts/national-reform.ts`); resolves with
 * that script's output.
 */
export async function writeSyntheticReformFiles(files: { national: string; mapping: string }): Promise<string> {
  writeFileSync(files.national, serializeRows(nationalTree(), 'json'));
  return runTool(['apps/org-units/scripts/national-reform.ts', files.national, files.mapping], {});
}

/** Records and applies the synthetic reform from its mapping with the reorganisation CLI; resolves with the CLI's output (its timings and phases). */
export function applySyntheticReform(mapping: string, databaseUrl: string): Promise<string> {
  return runTool(
    ['apps/org-units/src/reorganise/cli.ts', mapping, '--date', SYNTHETIC_REFORM_DATE, '--name', 'Synthetic national reform (benchmark)',
      '--legal-basis', 'Resolution 202/2025/QH15 (synthetic)', '--abolish', 'DISTRICT', '--apply'],
    { DATABASE_URL: databaseUrl },
  );
}
