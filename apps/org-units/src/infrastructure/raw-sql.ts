import { type Pool, type PoolClient, type QueryResult } from 'pg';
import { Prisma } from '../generated/prisma/client';

/**
 * The raw statements the unit repositories run. A Prisma client and a Prisma interactive-transaction client satisfy it,
 * and so does one plain `pg` connection ({@link pgTransaction}), which the bulk writes of a reorganisation plan use.
 */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/** What one plain `pg` transaction is run with. */
export interface PgTransactionOptions {
  /** Bound of every statement of the transaction (`statement_timeout`). */
  statementTimeoutMs: number;
  /** Bound of the time the transaction may wait between two statements (`idle_in_transaction_session_timeout`). */
  idleTimeoutMs: number;
}

/**
 * Runs `work` in one transaction on one connection of `pool` (BEGIN … COMMIT; ROLLBACK when it throws).
 *
 * Unlike a Prisma interactive transaction, the statements are sent to PostgreSQL as they are issued, in that order,
 * without being awaited one by one: `work` may issue a statement and go on computing the next while PostgreSQL runs it
 * (the `pg` client queues them on the connection). Parameters go to the driver as they are, not through Prisma's
 * serialisation, which costs a large JSON parameter two copies in Node.
 *
 * `work` must settle every statement it issues before it settles itself. Two guards hold regardless: once `work` has
 * settled, a statement issued on its client is refused (it would otherwise run outside the transaction), and when any
 * statement failed the transaction is rolled back and that failure thrown, even if `work` caught it.
 */
export async function pgTransaction<T>(pool: Pool, options: PgTransactionOptions, work: (sql: RawSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const statements = new PgStatements(client);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.trunc(options.idleTimeoutMs)}`);
    let result: T;
    try {
      result = await work(statements.sql);
    } finally {
      statements.close();
    }
    if (statements.failure !== undefined) throw statements.failure;
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection whose ROLLBACK failed is in an unknown state: it is closed rather than returned to the pool.
    client.release(broken);
  }
}

/**
 * The statements of one transaction on `client`. Once one fails, PostgreSQL refuses those queued after it ("current
 * transaction is aborted"): they reject with the first failure instead, so whichever the caller awaits names the cause.
 */
class PgStatements {
  failure: unknown;
  private closed = false;
  readonly sql: RawSql;

  constructor(private readonly client: PoolClient) {
    const statement = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql =>
      query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    this.sql = {
      $queryRaw: <R>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        const sql = statement(query, values);
        return this.run(sql.text, sql.values).then((result) => result.rows as R);
      },
      $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
        const sql = statement(query, values);
        return this.run(sql.text, sql.values).then((result) => result.rowCount ?? 0);
      },
      $queryRawUnsafe: <R>(query: string, ...values: unknown[]) => this.run(query, values).then((result) => result.rows as R),
      $executeRawUnsafe: (query: string, ...values: unknown[]) => this.run(query, values).then((result) => result.rowCount ?? 0),
    };
  }

  close(): void {
    this.closed = true;
  }

  private async run(text: string, values: unknown[]): Promise<QueryResult> {
    if (this.closed) throw new Error('A statement was issued after its transaction ended');
    try {
      return await this.client.query(text, values);
    } catch (error) {
      if (this.failure !== undefined && (error as { code?: unknown }).code === IN_FAILED_TRANSACTION) throw this.failure;
      this.failure ??= error;
      throw error;
    }
  }
}

/** SQLSTATE of a statement sent after an earlier one of the transaction failed. */
const IN_FAILED_TRANSACTION = '25P02';

/** PostgreSQL aborted the transaction in favour of a concurrent one: deadlock (40P01) or serialization failure (40001). */
export function isPgTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
