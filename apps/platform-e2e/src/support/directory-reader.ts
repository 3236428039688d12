import { type SqlClient, UnitDirectory } from '@antt/unit-directory';
import pg from 'pg';
import { eventually } from './stack';

/** The campaigns service's unit directory, read straight from its database (what the service itself would answer). */
export function openDirectory(databaseUrl: string): { directory: UnitDirectory; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const client: SqlClient = {
    $executeRawUnsafe: async (query, ...values) => (await pool.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
  };
  return { directory: new UnitDirectory(client), close: () => pool.end() };
}

/** Waits (up to 60 s) until the unit directory in the service database at `databaseUrl` holds `unitId` (org-units' event arrived). */
export async function untilInDirectory(databaseUrl: string, unitId: string, what: string): Promise<void> {
  const { directory, close } = openDirectory(databaseUrl);
  try {
    await eventually(async () => ((await directory.revisionOf(unitId)) !== null ? true : undefined), 60_000, what);
  } finally {
    await close();
  }
}
