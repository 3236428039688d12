import { createDatabases, databaseUrl, dropDatabase } from '@antt/infra';
import { getTestInfra } from './get-test-infra';
import { uniqueName } from './unique-name';

/** A database created for one test (file); drop it in `afterAll`. */
export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any sessions still connected. */
  drop(): Promise<void>;
}

/** Creates an empty database named `<prefix><random suffix>` on the test PostgreSQL server. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const { postgresAdminUrl } = await getTestInfra();
  const name = uniqueName(prefix);
  if (name.length > 63) throw new Error(`Database name ${name} is longer than PostgreSQL's 63 characters; use a shorter prefix.`);
  await createDatabases(postgresAdminUrl, [name]);
  return {
    name,
    url: databaseUrl(postgresAdminUrl, name),
    drop: () => dropDatabase(postgresAdminUrl, name),
  };
}
