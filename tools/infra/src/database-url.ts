/** The URL of database `dbName` on the server of `adminUrl` (same credentials, host, port and query parameters). */
export function databaseUrl(adminUrl: string, dbName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(dbName)}`;
  return url.toString();
}

/** `host:port` of a PostgreSQL URL, for progress lines (never the credentials). */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}
