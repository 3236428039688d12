import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import { CatalogTypeClient } from './catalog-type-client';
import { quoteIdentifier, schemaOf, withDatabase } from './database-url';

/** Prefix of the throwaway databases this factory creates for the schema engine. */
export const SHADOW_DATABASE_PREFIX = 'prisma_shadow_';

type Disposer = () => Promise<void>;

class MigrateAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  private disposed = false;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly afterDispose: Disposer,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  // Fix 4: adapter-pg's executeScript splits the script on every ";" (breaking string literals such as DEFAULT 'a; b' and
  // $$ bodies) and runs the pieces one by one, losing the implicit transaction of a multi-statement simple query that the
  // native engine relies on. A query without parameters goes out as one simple-protocol query, errors mapped by the adapter.
  async executeScript(script: string): Promise<void> {
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await this.inner.dispose();
    } finally {
      await this.afterDispose();
    }
  }
}

/**
 * The driver adapter factory the WebAssembly schema engine migrates through: `@prisma/adapter-pg` with four fixes for the
 * migration path, which Prisma's own CLI never exercises. Call {@link MigrateAdapterFactory.close} when done: the engine
 * does not dispose its main connection.
 */
export class MigrateAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open: MigrateAdapter[] = [];

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.openAdapter(this.databaseUrl, async () => undefined);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const admin = await this.connect();
    const name = quoteIdentifier(`${SHADOW_DATABASE_PREFIX}${randomUUID().replaceAll('-', '')}`);
    await admin.executeScript(`CREATE DATABASE ${name}`);
    const shadowUrl = withDatabase(this.databaseUrl, name.slice(1, -1));
    // Fix 3: the shadow database is dropped only after its own pool has ended (the adapter drops it first and fails with
    // "being accessed by other users"); FORCE also ends any session the engine left behind.
    const dropShadow = async () => {
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.dispose();
      }
    };
    try {
      return await this.openAdapter(shadowUrl, dropShadow);
    } catch (error) {
      await dropShadow();
      throw error;
    }
  }

  /** Disposes every connection still open (shadow databases first, so that they can be dropped), newest first. */
  async close(): Promise<void> {
    for (const adapter of this.open.splice(0).reverse()) await adapter.dispose();
  }

  private async openAdapter(url: string, afterDispose: Disposer): Promise<SqlDriverAdapter> {
    const schema = schemaOf(url);
    // Fix 2: every pool gets its own complete URL. The adapter's connectToShadowDb spreads `{ ...config, database }`, but pg
    // lets `connectionString` win over `database`, so the "shadow" would silently be the main database and migrations
    // would be replayed into it.
    // Fix 1: CatalogTypeClient relabels the catalog types (such as "char") the engine reads while describing a database.
    const inner = await new PrismaPg({ connectionString: url, Client: CatalogTypeClient }, schema ? { schema } : undefined).connect();
    const adapter: MigrateAdapter = new MigrateAdapter(inner, async () => {
      const index = this.open.indexOf(adapter);
      if (index >= 0) this.open.splice(index, 1);
      await afterDispose();
    });
    this.open.push(adapter);
    return adapter;
  }
}
