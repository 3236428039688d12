import path from 'node:path';
import { withSchemaEngine } from '../engine/schema-engine';
import { PrismaOfflineError } from '../errors';
import { migrationSlug } from '../migrations/migration-name';
import { hasLockfile } from '../migrations/read-migrations';
import { writeMigration } from '../migrations/write-migration';
import { loadProject } from '../project/load-project';
import { type DatabaseVerbOptions } from './options';

/** Options of {@link migrateDev}. */
export interface MigrateDevOptions extends DatabaseVerbOptions {
  /** Migration name; the folder becomes `<timestamp>_<slug>`, slugged as the Prisma CLI does (`Add review` → `add_review`). */
  readonly name: string;
  /** Write the migration (even an empty one) without applying it. */
  readonly createOnly?: boolean;
  /** Apply a migration despite data-loss warnings (dropped columns, new required columns…). */
  readonly acceptDataLoss?: boolean;
}

/** Result of {@link migrateDev}. */
export interface MigrateDevResult {
  /** Folder name of the migration written, or null when the schema needed none. */
  readonly created: string | null;
  /** Path of the `migration.sql` written, or null. */
  readonly file: string | null;
  /** Migrations applied by this call (pending ones first, then the new one). */
  readonly applied: string[];
}

/**
 * `prisma migrate dev`: applies pending migrations, writes the migration that brings the database to the schema, and applies
 * it. It does not reset a drifted database (it says why instead) and, like Prisma 7, does not run `generate`.
 */
export async function migrateDev(options: MigrateDevOptions): Promise<MigrateDevResult> {
  const project = loadProject(options.projectRoot);
  return withSchemaEngine({ ...options, project }, async (engine) => {
    const action = await engine.devDiagnostic();
    if (action.tag === 'reset') {
      throw new PrismaOfflineError(
        'RESET_REQUIRED',
        `The database must be reset before migrate dev can continue (drop and recreate it, then run migrate dev again): ${action.reason.split('\n')[0]}`,
        action.reason,
      );
    }
    const applied = await engine.applyMigrations();
    if (applied.length > 0) {
      // The engine caches the schema the migrations produce in a shadow database during devDiagnostic; refresh it so that
      // the next steps see the migrations just applied.
      await engine.devDiagnostic();
    }
    const loss = await engine.evaluateDataLoss();
    if (loss.unexecutableSteps.length > 0) {
      throw new PrismaOfflineError(
        'UNEXECUTABLE_MIGRATION',
        `The migration cannot run on this database: ${loss.unexecutableSteps.map((step) => step.message).join(' ')}`,
      );
    }
    if (loss.warnings.length > 0 && !options.acceptDataLoss && !options.createOnly) {
      throw new PrismaOfflineError(
        'DATA_LOSS_NOT_ACCEPTED',
        `The migration may lose data (pass --accept-data-loss or --create-only): ${loss.warnings.map((w) => w.message).join(' ')}`,
      );
    }
    const migration = await engine.createMigration(migrationSlug(options.name), options.createOnly ?? false);
    if (migration.migrationScript === null) return { created: null, file: null, applied };
    const file = await writeMigration(
      project.migrationsDir,
      {
        folderName: migration.generatedMigrationName,
        script: migration.migrationScript,
        extension: migration.extension,
        provider: migration.connectorType,
      },
      await hasLockfile(project.migrationsDir),
    );
    const created = path.basename(path.dirname(file));
    if (options.createOnly) return { created, file, applied };
    return { created, file, applied: [...applied, ...(await engine.applyMigrations())] };
  });
}
