import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type { PrismaClient } from '../generated/prisma/client';

/**
 * The org-units Prisma client over `pg` (Prisma 7's client needs no native engine).
 *
 * JIT is off for its sessions: the planner's estimate of a recursive subtree walk grows with the first level's width,
 * and on the national tree after the 2025 reform it passes PostgreSQL's JIT thresholds, so a read of a wide subtree
 * paid up to 0.7 s of compilation (inlining and optimisation) for a query that runs in tens of milliseconds.
 * `onPool` receives the connection pool (the service's metrics observe it).
 */
export function createPrismaClient(databaseUrl: string, maxConnections = 10, onPool?: (pool: Pool) => void): PrismaClient {
  return createOrgUnitsDatabase(databaseUrl, maxConnections, onPool).prisma;
}

/** The service's database: the Prisma client and, for the bulk writes on plain connections, the pool under it. */
export interface OrgUnitsDatabase {
  prisma: PrismaClient;
  pool: Pool;
}

/** {@link createPrismaClient} with its pool. */
export function createOrgUnitsDatabase(databaseUrl: string, maxConnections = 10, onPool?: (pool: Pool) => void): OrgUnitsDatabase {
  const pool = new Pool({ connectionString: databaseUrl, max: maxConnections, options: '-c jit=off' });
  onPool?.(pool);
  // The client owns the pool: `$disconnect()` ends it.
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
}
