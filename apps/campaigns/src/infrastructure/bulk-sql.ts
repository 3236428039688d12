import pg from 'pg';
import { pgTransaction } from '@antt/events';
import { type SqlClient } from '@antt/unit-directory';

/** Transactions on plain `pg` connections, for the bulk paths where Prisma's per-statement overhead is the cost (pledge imports). */
export interface BulkSql {
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws) on one pooled connection. */
  transaction<T>(work: (sql: SqlClient) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/** A small pg pool of its own beside Prisma's (each import batch holds one connection for its transaction). */
export function createBulkSql(databaseUrl: string, poolSize: number): BulkSql {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  return {
    transaction: (work) => pgTransaction(pool, {}, work),
    end: () => pool.end(),
  };
}
