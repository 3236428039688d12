import { migrateDeploy } from '@antt/prisma-offline';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * Creates an empty test database and applies a service's committed migrations to it (the same migrations
 * `npm start` deploys), so integration tests run on the real schema.
 *
 * @param projectRoot the service folder holding `prisma.config.ts`, e.g. `apps/org-units` (absolute or relative to the repo root)
 */
export async function createMigratedTestDatabase(prefix: string, projectRoot: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  try {
    await migrateDeploy({ projectRoot, databaseUrl: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/**
 * Runs `work` on a client of a fresh migrated database (a benchmark's scratch database), then disconnects the client and drops
 * the database whatever happened.
 */
export async function withMigratedDatabase<C extends { $disconnect(): Promise<void> }, T>(
  prefix: string,
  projectRoot: string,
  connect: (url: string) => C,
  work: (client: C, database: TestDatabase) => Promise<T>,
): Promise<T> {
  const database = await createMigratedTestDatabase(prefix, projectRoot);
  const client = connect(database.url);
  try {
    return await work(client, database);
  } finally {
    await client.$disconnect();
    await database.drop();
  }
}

/** A script's entry point: runs `main`, and on failure prints the error and exits 1. */
export function runScript(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
