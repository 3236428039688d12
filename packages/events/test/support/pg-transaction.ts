import { type Pool, type PoolClient } from 'pg';
import { type SqlExecutor, type TransactionRunner } from '../../src';

/** A `SqlExecutor` over one pg client: the shape of Prisma's interactive-transaction client, on a real database. */
export function pgExecutor(client: PoolClient): SqlExecutor {
  return {
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T,
  };
}

/** Runs `fn` in one PostgreSQL transaction (BEGIN … COMMIT, ROLLBACK on error), like `prisma.$transaction(fn)`. */
export function pgTransaction(pool: Pool): TransactionRunner {
  return async <T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(pgExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}
