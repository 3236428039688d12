import { type PostgresProbe } from './probes/postgres';
import {
  DOCKER_POSTGRES_URL,
  EMBEDDED_POSTGRES_URL,
  LOCAL_POSTGRES_URL,
  PostgresLoginRefused,
  type PostgresProbes,
  resolvePostgres,
} from './resolve-postgres';

function probes(local: PostgresProbe, docker: boolean): PostgresProbes & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    probePostgres: async (url) => {
      calls.push(`probe ${url}`);
      return local;
    },
    dockerEngineAnswers: async () => {
      calls.push('docker');
      return docker;
    },
  };
}

const down: PostgresProbe = { ok: false, reachable: false, reason: 'ECONNREFUSED' };

describe('resolvePostgres', () => {
  it('uses DATABASE_ADMIN_URL without probing anything', async () => {
    const p = probes({ ok: true }, true);
    await expect(resolvePostgres('postgres://u:p@db:5433/postgres', p)).resolves.toEqual({
      source: 'env',
      adminUrl: 'postgres://u:p@db:5433/postgres',
    });
    expect(p.calls).toEqual([]);
  });

  it('prefers a server answering on 127.0.0.1:5432 over Docker', async () => {
    const p = probes({ ok: true }, true);
    await expect(resolvePostgres(undefined, p)).resolves.toEqual({ source: 'local', adminUrl: LOCAL_POSTGRES_URL });
    expect(p.calls).toEqual([`probe ${LOCAL_POSTGRES_URL}`]);
  });

  it('uses Docker Compose when nothing answers on 5432 and a Docker engine does', async () => {
    await expect(resolvePostgres(undefined, probes(down, true))).resolves.toEqual({ source: 'docker', adminUrl: DOCKER_POSTGRES_URL });
  });

  it('falls back to embedded-postgres on port 54329 without Docker', async () => {
    const p = probes(down, false);
    await expect(resolvePostgres(undefined, p)).resolves.toEqual({ source: 'embedded', adminUrl: EMBEDDED_POSTGRES_URL });
    expect(EMBEDDED_POSTGRES_URL).toContain(':54329/');
    expect(p.calls).toEqual([`probe ${LOCAL_POSTGRES_URL}`, 'docker']);
  });

  it('stops with one sentence when a server on 5432 refuses user postgres', async () => {
    const refused: PostgresProbe = { ok: false, reachable: true, reason: 'password authentication failed for user "postgres"' };
    const attempt = resolvePostgres(undefined, probes(refused, true));
    await expect(attempt).rejects.toBeInstanceOf(PostgresLoginRefused);
    await expect(attempt).rejects.toThrow(/^PostgreSQL: a server answers on 127\.0\.0\.1:5432 .* set DATABASE_ADMIN_URL=/);
  });
});
