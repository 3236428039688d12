import { type SqlExecutor, type TransactionRunner } from '@antt/events';
import { type Pool } from 'pg';

/** Runs `fn` in one PostgreSQL transaction on a pg pool, like `prisma.$transaction(fn)`: a consumer's database for a test. */
export function pgTransaction(pool: Pool): TransactionRunner {
  return async <T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
        $queryRawUnsafe: async <R>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as R,
      });
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
