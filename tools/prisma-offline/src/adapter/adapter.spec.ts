import { queryRelabelled } from './catalog-type-client';
import { relabelCatalogTypes } from './catalog-types';
import { databaseOf, quoteIdentifier, schemaOf, withDatabase } from './database-url';

const catalogResult = () => ({ fields: [{ dataTypeID: 18 }, { dataTypeID: 19 }, { dataTypeID: 23 }, { dataTypeID: 1002 }], rows: [] });

describe('relabelCatalogTypes', () => {
  it('relabels "char", name and their arrays as text, leaving other types alone', () => {
    expect(relabelCatalogTypes(catalogResult()).fields.map((field) => field.dataTypeID)).toEqual([25, 25, 23, 1009]);
  });

  it('handles each result of a multi-statement query, and results without fields', () => {
    const first = catalogResult();
    relabelCatalogTypes([first, { rows: [] }, null]);
    expect(first.fields.map((field) => field.dataTypeID)).toEqual([25, 25, 23, 1009]);
  });
});

describe('queryRelabelled', () => {
  const types = (result: unknown) => (result as ReturnType<typeof catalogResult>).fields.map((field) => field.dataTypeID);

  it('relabels promise results', async () => {
    const query = jest.fn(async () => catalogResult());
    expect(types(await (queryRelabelled(query, ['SELECT 1']) as Promise<unknown>))).toEqual([25, 25, 23, 1009]);
    expect(query).toHaveBeenCalledWith('SELECT 1');
  });

  it('relabels results handed to a callback in second or third position, or in the config', () => {
    const seen: unknown[] = [];
    const callback = (_error: Error | null, result: unknown) => seen.push(result);
    const query = (...args: unknown[]) => {
      const cb = [args[1], args[2], (args[0] as { callback?: unknown }).callback].find((arg) => typeof arg === 'function');
      (cb as (error: null, result: unknown) => void)(null, catalogResult());
    };
    queryRelabelled(query, ['SELECT 1', callback]);
    queryRelabelled(query, ['SELECT $1', [1], callback]);
    queryRelabelled(query, [{ text: 'SELECT 1', callback }]);
    expect(seen.map(types)).toEqual([
      [25, 25, 23, 1009],
      [25, 25, 23, 1009],
      [25, 25, 23, 1009],
    ]);
  });

  it('passes errors through untouched and leaves submittables alone', () => {
    const error = new Error('boom');
    const callback = jest.fn();
    queryRelabelled((_config: unknown, cb: unknown) => (cb as (e: Error, r: undefined) => void)(error, undefined), ['SELECT 1', callback]);
    expect(callback).toHaveBeenCalledWith(error, undefined);
    const submittable = { submit: () => undefined };
    expect(queryRelabelled((config: unknown) => config, [submittable])).toBe(submittable);
  });
});

describe('database URLs', () => {
  const url = 'postgresql://user:p%40ss@db.local:5433/antt_org_units?schema=public&sslmode=require';

  it('swaps the database and keeps credentials and options', () => {
    expect(withDatabase(url, 'prisma_shadow_1')).toBe('postgresql://user:p%40ss@db.local:5433/prisma_shadow_1?schema=public&sslmode=require');
    expect(databaseOf(url)).toBe('antt_org_units');
    expect(schemaOf(url)).toBe('public');
    expect(schemaOf('postgresql://u@h/db')).toBeUndefined();
  });

  it('rejects what is not a PostgreSQL URL', () => {
    expect(() => withDatabase('mysql://u@h/db', 'x')).toThrow(/postgresql:\/\//);
    expect(() => databaseOf('not a url')).toThrow(/postgresql:\/\//);
  });

  it('quotes identifiers', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });
});
