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
