/**
 * Runs Thái Bình's 2024 award season in an awards database without nominations, once its unit directory holds the demo tree and
 * its fact store the 2024 facts (it waits for the DEMO_EXPECTED_* totals the platform reads from campaigns and assessments),
 * through the domain's commands; the running service's relay publishes the nominations' events.
 * usage: DATABASE_URL=postgresql://…/antt_awards [DEMO_EXPECTED_CAMPAIGNS=9 DEMO_EXPECTED_REGISTRATIONS=5200 …] tsx apps/awards/src/demo/cli.ts
 */
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadDemoConfig } from './config';
import { loadDemoAwards } from './load-demo';

async function main(): Promise<void> {
  const config = loadDemoConfig();
  const prisma = createPrismaClient(config.DATABASE_URL, 4);
  try {
    const outcome = await loadDemoAwards(prisma, {
      dates: { earliest: config.AWARDS_EARLIEST_DATE, latest: config.AWARDS_LATEST_DATE },
      nomineeKeys: { hashKeyHex: config.AWARDS_NOMINEE_HASH_KEY, encryptionKeyHex: config.AWARDS_NOMINEE_ENCRYPTION_KEY },
      expected: {
        campaigns: config.DEMO_EXPECTED_CAMPAIGNS,
        registrations: config.DEMO_EXPECTED_REGISTRATIONS,
        classificationRevisions: config.DEMO_EXPECTED_CLASSIFICATION_REVISIONS,
        recognitionRevisions: config.DEMO_EXPECTED_RECOGNITION_REVISIONS,
      },
      factsTimeoutMs: config.DEMO_FACTS_TIMEOUT_SECONDS * 1000,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    if (!outcome.loaded) process.stdout.write('demo awards: awards already holds nominations; nothing loaded\n');
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
