/**
 * Loads the 2024 Thái Bình demo models into an empty models database whose unit directory holds the demo tree.
 * usage: DATABASE_URL=postgresql://…/antt_models tsx apps/models/src/demo/cli.ts
 */
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadDemoConfig } from './config';
import { loadDemoModels } from './load-demo';

async function main(): Promise<void> {
  const config = loadDemoConfig();
  const prisma = createPrismaClient(config.DATABASE_URL, 4);
  try {
    const outcome = await loadDemoModels(prisma, { earliest: config.MODELS_EARLIEST_DATE, latest: config.MODELS_LATEST_DATE }, (line) => process.stdout.write(`${line}\n`));
    if (!outcome.loaded) process.stdout.write('demo models: models already holds models; nothing loaded\n');
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
