/**
 * Imports pledges from a CSV file straight through the campaigns domain (not over HTTP): streamed, in batches of at most
 * 1,000 rows (one transaction each), idempotent on re-run, with a progress bar and a per-row rejection report.
 *
 * usage: DATABASE_URL=… tsx apps/campaigns/src/pledges/cli.ts <file.csv> --campaign <id> --subject <who> --role <ROLE>
 *          --unit <jurisdiction unit id> [--partial] [--batch 1000] [--report rejections.csv]
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { SingleBar } from 'cli-progress';
import { ROLES, type Role } from '@antt/auth';
import { DomainError, systemClock } from '@antt/service-kit';
import { createCampaignsDomain } from '../domain/campaigns.module';
import { MAX_PLEDGE_BATCH, PLEDGE_CSV_OPTIONS, type PledgeRejection, type PledgeRowInput, checkColumns, pledgeErrors, PLEDGE_COLUMNS, toRow } from '../domain/pledge';
import { createBulkSql } from '../infrastructure/bulk-sql';
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadPledgeToolConfig } from './config';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      campaign: { type: 'string' },
      subject: { type: 'string' },
      role: { type: 'string', multiple: true },
      unit: { type: 'string' },
      partial: { type: 'boolean', default: false },
      batch: { type: 'string', default: String(MAX_PLEDGE_BATCH) },
      report: { type: 'string' },
    },
  });
  const file = positionals[0];
  const roles = (values.role ?? []) as Role[];
  if (!file || !values.campaign || !values.subject || !values.unit || roles.length === 0 || roles.some((role) => !ROLES.includes(role))) {
    process.stderr.write('usage: pledges-import <file.csv> --campaign <id> --subject <who> --role <ROLE> --unit <unit id> [--partial] [--batch N] [--report out.csv]\n');
    return 2;
  }
  const batchSize = Math.min(MAX_PLEDGE_BATCH, Math.max(1, Number(values.batch)));
  const config = loadPledgeToolConfig();
  const prisma = createPrismaClient(config.DATABASE_URL, 2);
  const bulk = createBulkSql(config.DATABASE_URL, 1);
  const domain = createCampaignsDomain(prisma, systemClock(config.CAMPAIGNS_TIME_ZONE), { earliest: config.CAMPAIGNS_EARLIEST_DATE, latest: config.CAMPAIGNS_LATEST_DATE }, 7, {
    hashKeyHex: config.PLEDGE_HASH_KEY,
    encryptionKeyHex: config.PLEDGE_ENCRYPTION_KEY,
  }, bulk).forRequest();
  const context = { caller: { subject: values.subject, roles, jurisdictionUnitId: values.unit }, correlationId: `pledges-cli-${Date.now()}` };
  const totals = { received: 0, imported: 0, alreadyPresent: 0, rejected: 0, batches: 0, refusedBatches: 0 };
  const rejections: PledgeRejection[] = [];
  const bar = new SingleBar({ format: 'pledges |{bar}| {value} rows | imported {imported} | present {present} | rejected {rejected}', hideCursor: true });
  bar.start(0, 0, { imported: 0, present: 0, rejected: 0 });
  const started = performance.now();
  try {
    const send = async (rows: PledgeRowInput[]) => {
      totals.batches += 1;
      try {
        const report = await domain.pledges.importBatch(context, { campaignId: values.campaign as string, columns: null, rows, partial: values.partial });
        totals.imported += report.imported;
        totals.alreadyPresent += report.alreadyPresent;
        totals.rejected += report.rejected;
        rejections.push(...report.rejections);
      } catch (error) {
        // All or nothing: a refused batch writes nothing; its rows are reported and the next batch goes on.
        if (!(error instanceof DomainError) || error.reason !== 'PLEDGE_IMPORT_REFUSED') throw error;
        totals.refusedBatches += 1;
        const refused = (error.details.rejections ?? []) as PledgeRejection[];
        totals.rejected += refused.length;
        rejections.push(...refused);
      }
      totals.received += rows.length;
      bar.update(totals.received, { imported: totals.imported, present: totals.alreadyPresent, rejected: totals.rejected });
    };
    const parser = createReadStream(file).pipe(parse(PLEDGE_CSV_OPTIONS));
    let columns: string[] | null = null;
    let batch: PledgeRowInput[] = [];
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (columns === null) {
        columns = record.map((column) => column.trim().toLowerCase());
        const { missing, unexpected } = checkColumns(columns);
        if (missing.length > 0 || unexpected.length > 0) throw pledgeErrors.columns(missing, unexpected, PLEDGE_COLUMNS);
        continue;
      }
      batch.push(toRow(columns, record, info.lines));
      if (batch.length >= batchSize) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
  } finally {
    bar.stop();
    await prisma.$disconnect();
    await bulk.end();
  }
  const seconds = (performance.now() - started) / 1000;
  rejections.sort((a, b) => a.row - b.row);
  process.stdout.write(
    `received ${totals.received}, imported ${totals.imported}, already present ${totals.alreadyPresent}, rejected ${totals.rejected}` +
      ` (${totals.batches} batches, ${totals.refusedBatches} refused whole) in ${seconds.toFixed(1)} s\n`,
  );
  for (const rejection of rejections.slice(0, 50)) process.stdout.write(`  row ${rejection.row} [${rejection.column ?? '-'}] ${rejection.code}: ${rejection.reason}\n`);
  if (rejections.length > 50) process.stdout.write(`  … ${rejections.length - 50} more${values.report ? '' : ' (use --report to write them all)'}\n`);
  if (values.report) {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    writeFileSync(values.report, ['row,column,code,reason', ...rejections.map((r) => `${r.row},${r.column ?? ''},${r.code},${quote(r.reason)}`)].join('\n') + '\n');
    process.stdout.write(`rejections written to ${values.report}\n`);
  }
  return totals.rejected > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof DomainError ? `${error.reason}: ${error.message}` : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof DomainError ? 2 : 1);
  },
);
