import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_JWT_HS256_SECRET, ROLES, mintDevToken, type Role } from '@antt/auth';
import { Client } from 'pg';

const USAGE =
  'Usage: npm run token -- --role <ROLE> [--role <ROLE> ...] --unit <unit id or code> [--sub <name>] [--ttl <8h>]\n' +
  `Roles: ${ROLES.join(', ')}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the command line asks for. */
export interface TokenRequest {
  roles: Role[];
  unit: string;
  subject: string;
  ttl: string;
}

/** Parses and checks the arguments; throws an Error whose message is meant for the user. */
export function parseTokenArgs(argv: readonly string[]): TokenRequest {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string', multiple: true },
      unit: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      ttl: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const roles = values.role ?? [];
  if (roles.length === 0 || !values.unit) throw new Error(`Give at least one --role and a --unit.\n${USAGE}`);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`Unknown role(s): ${unknown.join(', ')}.\n${USAGE}`);
  if (!/^\d+[smhd]?$/.test(values.ttl)) throw new Error(`--ttl must look like 30m, 8h or 2d, not "${values.ttl}".`);
  return { roles: [...new Set(roles as Role[])], unit: values.unit, subject: values.sub, ttl: values.ttl };
}

/** Returns the unit's id: the argument itself when it is a uuid, else the id of the unit with that code. */
export async function resolveUnitId(unit: string, findIdByCode: (code: string) => Promise<string | null>): Promise<string> {
  if (UUID.test(unit)) return unit;
  const id = await findIdByCode(unit);
  if (!id) {
    throw new Error(`No unit has the code "${unit}" in the org-units database; pass a unit id or an existing code.`);
  }
  return id;
}

/** The org-units database URL: ORG_UNITS_DATABASE_URL, else what `npm run infra:up` wrote to .local/infra.json. */
export function orgUnitsDatabaseUrl(root: string, env: Record<string, string | undefined>): string {
  if (env.ORG_UNITS_DATABASE_URL) return env.ORG_UNITS_DATABASE_URL;
  let infra: { postgres?: { adminUrl?: string; databases?: Record<string, string> } };
  try {
    infra = JSON.parse(readFileSync(path.join(root, '.local/infra.json'), 'utf8')) as typeof infra;
  } catch {
    throw new Error('To look up a unit code, set ORG_UNITS_DATABASE_URL or run `npm run infra:up` first (it writes .local/infra.json).');
  }
  const direct = infra.postgres?.databases?.['org-units'];
  if (direct) return direct;
  if (!infra.postgres?.adminUrl) throw new Error('.local/infra.json has no postgres.adminUrl; run `npm run infra:up` again.');
  const url = new URL(infra.postgres.adminUrl);
  url.pathname = '/antt_org_units';
  return url.toString();
}

/** Looks a unit code up in the org-units database. */
export async function findUnitIdByCode(databaseUrl: string, code: string): Promise<string | null> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach the org-units database to look up "${code}": ${(error as Error).message}.`, { cause: error });
  }
  try {
    // Codes change over time: the unit that holds the code in its latest period.
    const result = await client.query<{ id: string }>('SELECT unit_id::text AS id FROM unit_version WHERE code = $1 ORDER BY valid_from DESC LIMIT 1', [code]);
    return result.rows[0]?.id ?? null;
  } catch (error) {
    throw new Error(`Cannot read units from the org-units database (are its migrations applied?): ${(error as Error).message}.`, { cause: error });
  } finally {
    await client.end();
  }
}

/**
 * Prints a dev token (HS256, the gateway's dev secret unless JWT_HS256_SECRET is set; issuer and audience the gateway's
 * dev ones unless JWT_ISSUER / JWT_AUDIENCE are set) on stdout.
 */
export async function main(argv: readonly string[], env: Record<string, string | undefined>, root: string): Promise<string> {
  const request = parseTokenArgs(argv);
  const unitId = await resolveUnitId(request.unit, (code) => findUnitIdByCode(orgUnitsDatabaseUrl(root, env), code));
  return mintDevToken({
    subject: request.subject,
    roles: request.roles,
    unitId,
    secret: env.JWT_HS256_SECRET || DEV_JWT_HS256_SECRET,
    expiresIn: request.ttl,
    ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
  });
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, path.resolve(__dirname, '../../..')).then(
    (token) => process.stdout.write(`${token}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
