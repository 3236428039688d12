import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadImportConfig } from './config';
import { importReportCsv } from './import-report';
import { importUnits } from './import-units';
import { readImportFile } from './read-rows';

const USAGE =
  'usage: tsx apps/org-units/src/import/cli.ts <file.csv|file.json|file.jsonl> [--effective-from YYYY-MM-DD] [--partial] [--dry-run] [--report rejected.csv]';
/** Refused rows printed on the terminal; the report file holds them all. */
const PRINTED_ROWS = 100;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'effective-from': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      partial: { type: 'boolean', default: false },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const { DATABASE_URL, dates } = loadImportConfig();
  const prisma = createPrismaClient(DATABASE_URL, 4);
  const bar = new SingleBar({ format: 'importing {bar} {percentage}% | {value}/{total} units | {eta_formatted} left' }, Presets.shades_classic);
  try {
    const rows = await readImportFile(file);
    const started = performance.now();
    const result = await importUnits(prisma, rows, {
      effectiveFrom: values['effective-from'] ?? null,
      dates,
      dryRun: values['dry-run'],
      partial: values.partial,
      onProgress: (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const reportFile = values.report ?? `${file}.rejected.csv`;
    if (result.rejected.length > 0 || result.failure) await writeFile(reportFile, importReportCsv(result), 'utf8');

    const rejected = result.rejected.length;
    switch (result.outcome) {
      case 'imported':
        console.log(`${rows.length} rows read; imported ${result.imported} units in ${seconds.toFixed(1)} s (${Math.round(result.imported / Math.max(seconds, 0.001))} units/s); ${rejected} rejected.`);
        break;
      case 'dry-run':
        console.log(`${rows.length} rows read; dry run: ${rejected} rejected; ${rejected > 0 && !result.partial ? `nothing would be imported (${result.valid} valid rows; --partial imports them)` : `would import ${result.valid} units`}.`);
        break;
      case 'refused':
        console.log(`${rows.length} rows read; nothing imported: ${rejected} rows rejected, and a file is imported whole or not at all. Fix them, or pass --partial to import the ${result.valid} valid rows.`);
        break;
      case 'failed':
        console.log(`${rows.length} rows read; nothing imported: the write failed and was rolled back: ${result.failure?.message ?? ''}`);
        break;
    }
    for (const r of result.rejected.slice(0, PRINTED_ROWS)) {
      console.log(`  row ${r.row}${r.code ? ` ${r.code}` : ''}${r.column ? ` [${r.column}]` : ''}: ${r.reason}: ${r.message}`);
    }
    if (rejected > PRINTED_ROWS) console.log(`  … and ${rejected - PRINTED_ROWS} more rows`);
    if (rejected > 0) {
      const byReason = new Map<string, number>();
      for (const r of result.rejected) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
      console.log(`Rejected by reason: ${[...byReason].map(([reason, count]) => `${reason} ${count}`).join(', ')}.`);
    }
    if (rejected > 0 || result.failure) console.log(`Report written to ${reportFile}.`);
    if (result.outcome === 'failed') return 2;
    return rejected > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await prisma.$disconnect();
  }
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
