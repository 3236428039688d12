/**
 * The part of a database client the kit needs. A Prisma interactive-transaction client (`prisma.$transaction(async
 * (tx) => …)`) satisfies it structurally; so does a thin wrapper over a `pg` client.
 */
export interface SqlExecutor {
  /** Runs a statement with `$1…$n` parameters; resolves to the number of affected rows. */
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  /** Runs a query with `$1…$n` parameters; resolves to its rows. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

/** Runs `fn` inside one database transaction and commits when it resolves (e.g. `(fn) => prisma.$transaction(fn)`). */
export type TransactionRunner<TTx extends SqlExecutor = SqlExecutor> = <T>(fn: (tx: TTx) => Promise<T>) => Promise<T>;
