import pg from 'pg';

/** Outcome of trying to log in to a PostgreSQL server. */
export type PostgresProbe = { ok: true } | { ok: false; reachable: boolean; reason: string };

/** Logs in with `url` and runs `SELECT 1`. `reachable` tells a refused login apart from no server at all. */
export async function probePostgres(url: string, timeoutMs = 2_000): Promise<PostgresProbe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reachable = code !== undefined && !['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code);
    return { ok: false, reachable, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits until `url` accepts a login; rejects after `timeoutMs`. */
export async function waitForPostgres(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: PostgresProbe = { ok: false, reachable: false, reason: 'not tried' };
  while (Date.now() < deadline) {
    last = await probePostgres(url);
    if (last.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms: ${last.ok ? '' : last.reason}`);
}
