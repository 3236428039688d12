import pg from 'pg';
import { relabelCatalogTypes } from './catalog-types';

type Callback = (error: Error | null, result: unknown) => void;
type AnyQuery = (...args: unknown[]) => unknown;

function relabelling(callback: Callback): Callback {
  return (error, result) => callback(error, error ? result : relabelCatalogTypes(result));
}

/** Runs `query` with whichever of pg's call forms the caller used, relabelling catalog column types in what comes back. */
export function queryRelabelled(query: AnyQuery, args: unknown[]): unknown {
  const [config, values, callback] = args;
  const options = typeof config === 'object' && config !== null ? (config as { submit?: unknown; callback?: unknown }) : undefined;
  if (typeof options?.submit === 'function') return query(...args);
  if (typeof values === 'function') return query(config, relabelling(values as Callback));
  if (typeof callback === 'function') return query(config, values, relabelling(callback as Callback));
  if (typeof options?.callback === 'function') {
    options.callback = relabelling(options.callback as Callback);
    return query(config, values);
  }
  const pending = query(...args);
  return pending instanceof Promise ? pending.then(relabelCatalogTypes) : pending;
}

/** A `pg` client whose results never carry catalog types that `@prisma/adapter-pg` cannot decode. */
export class CatalogTypeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as AnyQuery;
    this.query = ((...args: unknown[]) => queryRelabelled(query, args)) as typeof this.query;
  }
}
