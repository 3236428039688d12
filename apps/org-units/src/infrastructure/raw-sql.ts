import { type PgStatements } from '@antt/events';
import { Prisma } from '../generated/prisma/client';

/**
 * The raw statements the unit repositories run. A Prisma client and a Prisma interactive-transaction client satisfy it,
 * and so do the statements of a plain `pg` transaction ({@link withTemplates} over the events kit's `pgTransaction`),
 * which the bulk writes of a reorganisation plan use.
 */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/** `statements` with Prisma's tagged-template calls too (the template compiled by Prisma to `$1…$n` text and values). */
export function withTemplates(statements: PgStatements): RawSql {
  const compiled = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql =>
    query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  return {
    $queryRaw: <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
      const sql = compiled(query, values);
      return statements.$queryRawUnsafe<T>(sql.text, ...sql.values);
    },
    $executeRaw: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
      const sql = compiled(query, values);
      return statements.$executeRawUnsafe(sql.text, ...sql.values);
    },
    $queryRawUnsafe: (query, ...values) => statements.$queryRawUnsafe(query, ...values),
    $executeRawUnsafe: (query, ...values) => statements.$executeRawUnsafe(query, ...values),
  };
}
