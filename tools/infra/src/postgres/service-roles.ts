import pg from 'pg';

/** A service's own login role and the database it owns. */
export interface ServiceRole {
  role: string;
  database: string;
  password: string;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Least privilege (issue 10, item 7): for each service, a LOGIN role (no superuser, no CREATEDB, no CREATEROLE) that owns
 * its database and everything in its `public` schema, and the only role besides superusers allowed to connect to it
 * (`REVOKE CONNECT … FROM PUBLIC`). Idempotent: creates a missing role, sets the password, and hands over objects an
 * earlier run created as the admin (tables, sequences, views, types, routines), so a machine set up before the roles
 * existed keeps its data. Runs as `adminUrl`'s user (a superuser).
 */
export async function ensureServiceRoles(adminUrl: string, roles: readonly ServiceRole[]): Promise<void> {
  for (const { role, database } of roles) {
    if (!NAME.test(role) || !NAME.test(database)) throw new Error(`Role and database names must be lower-case identifiers: ${role}, ${database}.`);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const { role, database, password } of roles) {
      const r = admin.escapeIdentifier(role);
      const d = admin.escapeIdentifier(database);
      try {
        await admin.query(`CREATE ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
      } catch (error) {
        // Exists already (42710), maybe created by a concurrent run (23505 on pg_authid).
        const code = (error as { code?: string }).code;
        if (code !== '42710' && code !== '23505') throw error;
      }
      await admin.query(`ALTER ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`);
      await admin.query(`ALTER DATABASE ${d} OWNER TO ${r}`);
      await admin.query(`REVOKE ALL ON DATABASE ${d} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${d} TO ${r}`);
      await handOverObjects(databaseUrlOf(adminUrl, database), role);
    }
  } finally {
    await admin.end();
  }
}

/** Drops roles (their objects in `databases` first); for tests that created scratch roles. Missing roles are ignored. */
export async function dropServiceRoles(adminUrl: string, roles: readonly string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const role of roles) await admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(role)}`);
  } finally {
    await admin.end();
  }
}

function databaseUrlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Makes `role` the owner of the `public` schema and of everything in it (what the admin created before the role existed). */
async function handOverObjects(databaseUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`ALTER SCHEMA public OWNER TO ${client.escapeIdentifier(role)}`);
    await client.query(
      `DO $$
       DECLARE
         target text := ${client.escapeLiteral(role)};
         r record;
       BEGIN
         -- Tables first: a sequence owned by a column follows its table.
         FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> target LOOP
           EXECUTE format('ALTER %s public.%I OWNER TO %I',
             CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             r.relname, target);
         END LOOP;
         FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> target LOOP
           EXECUTE format('ALTER SEQUENCE public.%I OWNER TO %I', r.relname, target);
         END LOOP;
         FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                  WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm') AND pg_get_userbyid(t.typowner) <> target LOOP
           EXECUTE format('ALTER TYPE public.%I OWNER TO %I', r.typname, target);
         END LOOP;
         FOR r IN SELECT p.oid::regprocedure AS routine FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> target
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
           EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.routine, target);
         END LOOP;
       END $$`,
    );
  } finally {
    await client.end();
  }
}
