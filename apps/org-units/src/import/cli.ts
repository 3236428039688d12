import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadImportConfig } from './config';
import { importUnits } from './import-units';
import { readImportFile } from './read-rows';

const USAGE = 'usage: tsx apps/org-units/src/import/cli.ts <file.csv|file.json|file.jsonl> [--effective-from YYYY-MM-DD] [--dry-run] [--report rejected.csv]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'effective-from': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const { DATABASE_URL } = loadImportConfig();
  const prisma = createPrismaClient(DATABASE_URL, 4);
  const bar = new SingleBar({ format: 'importing {bar} {percentage}% | {value}/{total} units | {eta_formatted} left' }, Presets.shades_classic);
  try {
    const rows = await readImportFile(file);
    const started = performance.now();
    const result = await importUnits(prisma, rows, {
      effectiveFrom: values['effective-from'] ?? null,
      dryRun: values['dry-run'],
      onProgress: (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const reportFile = values.report ?? `${file}.rejected.csv`;
    if (result.rejected.length > 0) {
      const lines = ['row,code,reason,message', ...result.rejected.map((r) => [r.row, r.code ?? '', r.reason, r.message].map(csvCell).join(','))];
      await writeFile(reportFile, `${lines.join('\n')}\n`, 'utf8');
    }
    const verb = result.dryRun ? 'would import' : 'imported';
    console.log(`${rows.length} rows read; ${verb} ${result.imported} units in ${seconds.toFixed(1)} s (${Math.round(result.imported / Math.max(seconds, 0.001))} units/s); ${result.rejected.length} rejected.`);
    if (result.rejected.length > 0) {
      const byReason = new Map<string, number>();
      for (const r of result.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
      for (const [reason, count] of byReason) console.log(`  ${reason}: ${count}`);
      console.log(`Rejected rows written to ${reportFile}.`);
    }
    return result.rejected.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await prisma.$disconnect();
  }
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
