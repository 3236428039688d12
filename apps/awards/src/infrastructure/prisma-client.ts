import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type AwardsPrisma = PrismaClient;

/**
 * The awards database through the pg driver adapter (Prisma 7 needs no native engine at run time). `onPool` receives the
 * connection pool (the service's metrics observe it); `$disconnect()` ends it.
 */
export function createPrismaClient(databaseUrl: string, poolSize: number, onPool?: (pool: Pool) => void): PrismaClient {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  onPool?.(pool);
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}
