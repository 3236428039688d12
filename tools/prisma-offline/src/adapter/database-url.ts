import { PrismaOfflineError } from '../errors';

function parse(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'postgresql:' || parsed.protocol === 'postgres:') return parsed;
  } catch {
    // reported below with the same sentence as a wrong protocol
  }
  throw new PrismaOfflineError('DATABASE_URL_MISSING', 'The database URL must look like postgresql://user@host:5432/database.');
}

/** The same server, user and options, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = parse(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a URL points at. */
export function databaseOf(url: string): string {
  return decodeURIComponent(parse(url).pathname.replace(/^\//, ''));
}

/** Prisma's `?schema=` URL parameter (PostgreSQL schema), if given. */
export function schemaOf(url: string): string | undefined {
  return parse(url).searchParams.get('schema') ?? undefined;
}

/** A PostgreSQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
