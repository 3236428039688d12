import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type ModelsPrisma = PrismaClient;

/** The models database through the pg driver adapter (Prisma 7 needs no native engine at run time). */
export function createPrismaClient(databaseUrl: string, poolSize: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
