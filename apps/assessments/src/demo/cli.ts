/**
 * Loads Thái Bình's 2024 assessment year into an empty assessments database whose unit directory holds the demo tree and whose
 * facts hold campaigns' 2024 registrations (it waits for DEMO_EXPECTED_REGISTRATIONS of them), through the domain's commands;
 * the running service's relay publishes the events to campaigns' attainment and awards' fact store.
 * usage: DATABASE_URL=postgresql://…/antt_assessments [DEMO_EXPECTED_REGISTRATIONS=5200] tsx apps/assessments/src/demo/cli.ts
 */
import { createPrismaClient } from '../infrastructure/prisma-client';
import { loadDemoConfig } from './config';
import { loadDemoAssessments } from './load-demo';

async function main(): Promise<void> {
  const config = loadDemoConfig();
  const prisma = createPrismaClient(config.DATABASE_URL, config.DEMO_CONCURRENCY + 2);
  try {
    const outcome = await loadDemoAssessments(prisma, {
      dates: { earliest: config.ASSESSMENTS_EARLIEST_DATE, latest: config.ASSESSMENTS_LATEST_DATE },
      expectedRegistrations: config.DEMO_EXPECTED_REGISTRATIONS,
      registrationsTimeoutMs: config.DEMO_REGISTRATIONS_TIMEOUT_SECONDS * 1000,
      concurrency: config.DEMO_CONCURRENCY,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    if (!outcome.loaded) process.stdout.write('demo assessments: assessments already holds assessments; nothing loaded\n');
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
