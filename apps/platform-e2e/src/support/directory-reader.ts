import { type SqlClient, UnitDirectory } from '@antt/unit-directory';
import pg from 'pg';

/** The campaigns service's unit directory, read straight from its database (what the service itself would answer). */
export function openDirectory(databaseUrl: string): { directory: UnitDirectory; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const client: SqlClient = {
    $executeRawUnsafe: async (query, ...values) => (await pool.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
  };
  return { directory: new UnitDirectory(client), close: () => pool.end() };
}
