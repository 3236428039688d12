/**
 * Loads the 2024 Thái Bình demo campaigns into an empty campaigns database whose unit directory holds the demo tree (the 2024
 * assessments come from the assessments service's own demo, through its events).
 * usage: DATABASE_URL=postgresql://…/antt_campaigns tsx apps/campaigns/src/demo/cli.ts
 */
import { createBulkSql } from '../infrastructure/bulk-sql';
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadDemoConfig } from './config';
import { loadDemoCampaigns } from './load-demo';

async function main(): Promise<void> {
  const config = loadDemoConfig();
  const prisma = createPrismaClient(config.DATABASE_URL, 2);
  const bulk = createBulkSql(config.DATABASE_URL, 1);
  try {
    const keys = { hashKeyHex: config.PLEDGE_HASH_KEY, encryptionKeyHex: config.PLEDGE_ENCRYPTION_KEY };
    const outcome = await loadDemoCampaigns(prisma, bulk, { earliest: config.CAMPAIGNS_EARLIEST_DATE, latest: config.CAMPAIGNS_LATEST_DATE }, keys, (line) =>
      process.stdout.write(`${line}\n`),
    );
    if (!outcome.loaded) process.stdout.write('demo campaigns: campaigns already holds campaigns; nothing loaded\n');
  } finally {
    await prisma.$disconnect();
    await bulk.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
