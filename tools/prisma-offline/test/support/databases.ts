import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Admin URL of the test server (the database it names is only used to create and drop others). */
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The URL of another database on the test server. */
export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the admin database. */
export async function adminQuery<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs one statement on a given database. */
export async function queryDatabase<Row extends pg.QueryResultRow>(database: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Creates an empty database named `h2_<purpose>_<random>` and returns its name. */
export async function createDatabase(purpose: string): Promise<string> {
  const name = `h2_${purpose}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return name;
}

/** Drops a database made by {@link createDatabase}. */
export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Names of the shadow databases left on the server (the tool must leave none). */
export async function shadowDatabases(): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'`);
  return rows.map((row) => row.datname);
}
