import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readInfraEnv } from '../config';
import { databaseUrl } from '../database-url';
import { readInfraState } from '../state';
import { createDatabases, dropDatabase } from './create-databases';
import { dropServiceRoles, ensureServiceRoles, type ServiceRole } from './service-roles';

/** A URL of `database` on the admin's server, logged in as `role`. */
function roleUrl(adminUrl: string, { role, password, database }: ServiceRole): string {
  const url = new URL(databaseUrl(adminUrl, database));
  url.username = role;
  url.password = password;
  return url.toString();
}

async function run<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('service roles: each service owns its database only (scratch databases and roles, dropped after)', () => {
  const suffix = randomBytes(4).toString('hex');
  const a: ServiceRole = { role: `h7_role_a_${suffix}`, database: `h7_db_a_${suffix}`, password: randomBytes(12).toString('hex') };
  const b: ServiceRole = { role: `h7_role_b_${suffix}`, database: `h7_db_b_${suffix}`, password: randomBytes(12).toString('hex') };
  let adminUrl: string;

  beforeAll(async () => {
    const url = readInfraEnv().databaseAdminUrl ?? (await readInfraState())?.postgres.adminUrl;
    if (!url) throw new Error('Set DATABASE_ADMIN_URL or run `npm run infra:up` first.');
    adminUrl = url;
    await createDatabases(adminUrl, [a.database, b.database]);
    // What a machine set up before the roles holds: objects created by the admin (a migration's table, enum, sequence).
    await run(databaseUrl(adminUrl, a.database), `CREATE TYPE unit_kind AS ENUM ('PROVINCE'); CREATE TABLE unit (id serial PRIMARY KEY, kind unit_kind NOT NULL);
      INSERT INTO unit (kind) VALUES ('PROVINCE')`);
    await run(databaseUrl(adminUrl, b.database), `CREATE TABLE pledge (id int PRIMARY KEY, full_name text); INSERT INTO pledge VALUES (1, 'Nguyễn Văn A')`);
    await ensureServiceRoles(adminUrl, [a, b]);
    // Idempotent: a second `infra:up` changes nothing and does not fail.
    await ensureServiceRoles(adminUrl, [a, b]);
  });

  afterAll(async () => {
    if (!adminUrl) return;
    await dropDatabase(adminUrl, a.database);
    await dropDatabase(adminUrl, b.database);
    await dropServiceRoles(adminUrl, [a.role, b.role]);
  });

  it('gives each role its own database: it reads, writes and migrates there', async () => {
    const url = roleUrl(adminUrl, a);
    expect(await run(url, 'SELECT kind FROM unit')).toEqual([{ kind: 'PROVINCE' }]);
    await run(url, "INSERT INTO unit (kind) VALUES ('PROVINCE'); CREATE TABLE later_migration (id int); ALTER TABLE unit ADD COLUMN name text");
    expect(await run(url, 'SELECT count(*)::int AS n FROM unit')).toEqual([{ n: 2 }]);
    expect(await run(adminUrl, `SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = '${a.database}'`)).toEqual([
      { datname: a.database, owner: a.role },
    ]);
  });

  it('keeps a service out of another service database', async () => {
    await expect(run(roleUrl(adminUrl, { ...a, database: b.database }), 'SELECT full_name FROM pledge')).rejects.toMatchObject({ code: '42501' });
    await expect(run(roleUrl(adminUrl, { ...b, database: a.database }), 'SELECT kind FROM unit')).rejects.toMatchObject({ code: '42501' });
  });

  it('grants the roles no power over the server', async () => {
    const rows = await run<{ rolname: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
      adminUrl,
      `SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname IN ('${a.role}', '${b.role}') ORDER BY rolname`,
    );
    expect(rows).toEqual([
      { rolname: a.role, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
      { rolname: b.role, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
    ]);
    await expect(run(roleUrl(adminUrl, a), `CREATE DATABASE h7_forbidden_${suffix}`)).rejects.toMatchObject({ code: '42501' });
  });
});
