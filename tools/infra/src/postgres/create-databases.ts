import pg from 'pg';

/** Creates each database that does not exist yet on the server of `adminUrl`. Resolves with the names it created. */
export async function createDatabases(adminUrl: string, names: readonly string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1::text[])', [
      [...names],
    ]);
    const present = new Set(existing.rows.map((row) => row.datname));
    const created: string[] = [];
    for (const name of names) {
      if (present.has(name)) continue;
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        // Another process created it between the check and here.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
    return created;
  } finally {
    await client.end();
  }
}

/** Drops a database, disconnecting its sessions first. Missing databases are ignored. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
