import {
  type CreateMigrationOutput,
  type DevAction,
  type DiagnoseMigrationHistoryOutput,
  type EvaluateDataLossOutput,
  type MigrationList,
  type SchemaEngine,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { MigrateAdapterFactory } from '../adapter/migrate-adapter-factory';
import { PrismaOfflineError } from '../errors';
import { readMigrationList } from '../migrations/read-migrations';
import { type PrismaProject } from '../project/prisma-project';
import { readSchemaFiles, type SchemaFile } from '../project/read-schema-files';
import { discardSchemaEngine, loadSchemaEngine } from './load-schema-engine';
import { webAssembly } from './webassembly';

/** What an engine session works on. */
export interface EngineOptions {
  readonly project: PrismaProject;
  /** The database to migrate; shadow databases are created on the same server with the same credentials. */
  readonly databaseUrl: string;
  /** Receives the engine's own log lines (JSON). */
  readonly log?: (line: string) => void;
}

/**
 * Prisma's schema engine bound to one project and one database, with the operations the CLI verbs need. Migrations and
 * schema files are read from disk on every call, as the Prisma CLI does, so a session sees migrations it just wrote.
 */
export class OfflineSchemaEngine {
  private constructor(
    private readonly engine: SchemaEngine,
    private readonly factory: MigrateAdapterFactory,
    private readonly project: PrismaProject,
    private readonly schemaFiles: SchemaFile[],
  ) {}

  /** Starts an engine; prefer {@link withSchemaEngine}, which always closes it. */
  static async open(options: EngineOptions): Promise<OfflineSchemaEngine> {
    const [SchemaEngineClass, schemaFiles] = await Promise.all([loadSchemaEngine(), readSchemaFiles(options.project.schemaPath)]);
    const factory = new MigrateAdapterFactory(options.databaseUrl);
    const log = options.log ?? (() => undefined);
    const engine = await call(() =>
      SchemaEngineClass.new(
        { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
        log,
        bindMigrationAwareSqlAdapterFactory(factory),
      ),
    );
    return new OfflineSchemaEngine(engine, factory, options.project, schemaFiles);
  }

  /** Applies the migrations not yet in `_prisma_migrations`; returns their names. */
  async applyMigrations(): Promise<string[]> {
    const migrationsList = await this.migrations();
    const output = await call(() => this.engine.applyMigrations({ migrationsList, filters: this.filters() }));
    return output.appliedMigrationNames;
  }

  /** Whether `migrate dev` may create a migration, or the database must be reset first (and why). */
  async devDiagnostic(): Promise<DevAction> {
    const migrationsList = await this.migrations();
    return (await call(() => this.engine.devDiagnostic({ migrationsList, filters: this.filters() }))).action;
  }

  /** Warnings and blockers for the migration that would bring the database to the schema. */
  async evaluateDataLoss(): Promise<EvaluateDataLossOutput> {
    const migrationsList = await this.migrations();
    return call(() => this.engine.evaluateDataLoss({ migrationsList, schema: this.schema(), filters: this.filters() }));
  }

  /** The migration from the migrations folder to the schema (not written); `migrationScript` is null when there is nothing to do. */
  async createMigration(name: string, draft: boolean): Promise<CreateMigrationOutput> {
    const migrationsList = await this.migrations();
    return call(() =>
      this.engine.createMigration({ draft, migrationName: name, migrationsList, schema: this.schema(), filters: this.filters() }),
    );
  }

  /** The database's migration history compared with the migrations folder (no shadow database). */
  async diagnoseHistory(): Promise<DiagnoseMigrationHistoryOutput> {
    const migrationsList = await this.migrations();
    return call(() => this.engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: this.filters() }));
  }

  /** Replays the migrations into a shadow database and returns the SQL still needed to reach the schema, or null when none. */
  async missingMigrationSql(): Promise<string | null> {
    const migrationsList = await this.migrations();
    const result = await call(() =>
      this.engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: this.schemaFiles },
        script: true,
        exitCode: true,
        filters: this.filters(),
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? '') : null;
  }

  /** Frees the engine and ends every pool it opened. */
  async close(): Promise<void> {
    try {
      await this.factory.close();
    } finally {
      this.engine.free();
    }
  }

  private migrations(): Promise<MigrationList> {
    return readMigrationList(this.project.migrationsDir, this.project.initShadowDb);
  }

  private schema() {
    return { files: this.schemaFiles };
  }

  private filters() {
    return { externalTables: [...this.project.filters.externalTables], externalEnums: [...this.project.filters.externalEnums] };
  }
}

/** Runs `use` with an engine for the project and database, and closes it (and its pools) whatever happens. */
export async function withSchemaEngine<T>(options: EngineOptions, use: (engine: OfflineSchemaEngine) => Promise<T>): Promise<T> {
  const engine = await OfflineSchemaEngine.open(options);
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  // The engine's own timers are unref'd (see load-schema-engine); this one keeps the process alive until the call settles.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    return await operation();
  } catch (error) {
    throw toOfflineError(error);
  } finally {
    clearInterval(keepAlive);
  }
}

/** Turns what the engine throws (an Error, or its JSON error object) into one readable {@link PrismaOfflineError}. */
export function toOfflineError(error: unknown): PrismaOfflineError {
  if (error instanceof PrismaOfflineError) return error;
  if (error instanceof webAssembly.RuntimeError) {
    discardSchemaEngine();
    return new PrismaOfflineError('ENGINE_ERROR', `The schema engine crashed: ${error.message}`, error.stack);
  }
  const message = engineMessage(error);
  return new PrismaOfflineError('ENGINE_ERROR', summarizeEngineMessage(message), message);
}

/** The first two lines of the engine's message, without its span trace (`   0: sql_schema_connector::…`), on one line. */
export function summarizeEngineMessage(message: string): string {
  const lines: string[] = [];
  for (const line of message.split('\n')) {
    if (/^\s*\d+: /.test(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  return lines.slice(0, 2).join(': ') || message;
}

function engineMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const code = 'error_code' in error && typeof error.error_code === 'string' ? `${error.error_code}: ` : '';
    return `${code}${error.message}`;
  }
  return String(error);
}
