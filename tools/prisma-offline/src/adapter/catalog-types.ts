/** Column description as `pg` reports it (only the part that matters here). */
export interface FieldDescription {
  dataTypeID: number;
}

const TEXT = 25;
const TEXT_ARRAY = 1009;

/**
 * PostgreSQL catalog types that the schema engine reads while describing a database but `@prisma/adapter-pg` cannot
 * decode ("Column type 'char' could not be deserialized"). Their text form is what the engine parses, so they are
 * relabelled as text before the adapter sees the result.
 */
export const CATALOG_TYPE_AS_TEXT: ReadonlyMap<number, number> = new Map([
  [18, TEXT], // "char" (pg_class.relkind, pg_constraint.contype, pg_attribute.attidentity, ...)
  [19, TEXT], // name (mapped by adapter-pg 7.x already; kept for older adapters)
  [1002, TEXT_ARRAY], // "char"[]
  [1003, TEXT_ARRAY], // name[]
]);

/** Relabels catalog column types in one `pg` result, or in each result of a multi-statement query. Mutates and returns it. */
export function relabelCatalogTypes<T>(result: T): T {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const each of results) {
    const fields = (each as { fields?: FieldDescription[] } | null | undefined)?.fields;
    for (const field of fields ?? []) {
      const replacement = CATALOG_TYPE_AS_TEXT.get(field.dataTypeID);
      if (replacement !== undefined) field.dataTypeID = replacement;
    }
  }
  return result;
}
