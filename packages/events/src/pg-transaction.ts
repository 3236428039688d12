import { type Pool, type PoolClient, type QueryResult } from 'pg';

/** The statements of one {@link pgTransaction}: {@link SqlExecutor}'s two calls, each resolving with a plain promise. */
export interface PgStatements {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** Bounds of one {@link pgTransaction}; PostgreSQL's settings when left out. */
export interface PgTransactionOptions {
  /** Bound of every statement of the transaction (`statement_timeout`). */
  statementTimeoutMs?: number;
  /** Bound of the time the transaction may wait between two statements (`idle_in_transaction_session_timeout`). */
  idleTimeoutMs?: number;
}

/**
 * Runs `work` in one transaction on one connection of `pool` (BEGIN … COMMIT; ROLLBACK when it throws), for bulk writes
 * where a Prisma interactive transaction costs too much: parameters go to the driver as they are (Prisma serialises a
 * large JSON parameter twice more in Node), and statements are sent in the order they are issued without being awaited
 * one by one, so `work` may compute the next statement while PostgreSQL runs those before (they wait in a queue of
 * this transaction's own, each sent when the one before it has finished: `pg`'s own queue for a client that is busy is
 * deprecated and goes in pg 9).
 *
 * `work` must settle every statement it issues before it settles itself. Two guards hold regardless: once `work` has
 * settled, a statement issued on its client is refused (it would otherwise run outside the transaction, or in another's);
 * and when any statement failed, the transaction is rolled back and that failure thrown, even if `work` caught it. Once a
 * statement has failed, those queued after it reject with that same failure rather than PostgreSQL's "current
 * transaction is aborted", so whichever one the caller awaits names the cause.
 */
export async function pgTransaction<T>(pool: Pool, options: PgTransactionOptions, work: (sql: PgStatements) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const statements = new QueuedStatements(client);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    if (options.statementTimeoutMs !== undefined) await client.query(`SET LOCAL statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
    if (options.idleTimeoutMs !== undefined) await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.trunc(options.idleTimeoutMs)}`);
    let result: T;
    try {
      result = await work(statements);
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

/** PostgreSQL aborted the transaction in favour of a concurrent one: deadlock (40P01) or serialization failure (40001). */
export function isPgTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** SQLSTATE of a statement sent after an earlier one of the transaction failed. */
const IN_FAILED_TRANSACTION = '25P02';

class QueuedStatements implements PgStatements {
  failure: unknown;
  private closed = false;
  /** Settles when the statement issued last has finished; the next one is sent then. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: PoolClient) {}

  close(): void {
    this.closed = true;
  }

  async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return (await this.run(query, values)).rowCount ?? 0;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.run(query, values)).rows as T;
  }

  private run(text: string, values: unknown[]): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new Error('A statement was issued after its transaction ended'));
    const result = this.tail.then(() => this.send(text, values));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async send(text: string, values: unknown[]): Promise<QueryResult> {
    // Still queued when the transaction ended (its work settled without waiting for it): never sent after COMMIT.
    if (this.closed) throw new Error('A statement was issued after its transaction ended');
    // After a failure PostgreSQL would only answer "current transaction is aborted": not sent, the cause rethrown.
    if (this.failure !== undefined) throw this.failure;
    try {
      return await this.client.query(text, values);
    } catch (error) {
      if (this.failure !== undefined && (error as { code?: unknown }).code === IN_FAILED_TRANSACTION) throw this.failure;
      this.failure ??= error;
      throw error;
    }
  }
}
