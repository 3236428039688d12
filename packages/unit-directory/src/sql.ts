/**
 * The two raw-SQL calls the directory needs. A Prisma client and a Prisma interactive-transaction client both satisfy it,
 * so the directory works with whichever service's generated client holds its tables.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}
