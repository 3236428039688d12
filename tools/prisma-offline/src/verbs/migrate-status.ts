import { withSchemaEngine } from '../engine/schema-engine';
import { listMigrationNames } from '../migrations/read-migrations';
import { loadProject } from '../project/load-project';
import { type DatabaseVerbOptions } from './options';

/** Result of {@link migrateStatus}: the migrations folder compared with the database's `_prisma_migrations`. */
export interface MigrateStatus {
  /** Every migration folder, in order. */
  readonly migrations: string[];
  readonly hasMigrationsTable: boolean;
  /** In the folder, not applied to the database. */
  readonly unapplied: string[];
  /** Applied to the database, missing from the folder. */
  readonly unpersisted: string[];
  /** Started and not finished (Prisma refuses to deploy until they are resolved). */
  readonly failed: string[];
  /** Changed on disk after being applied (checksum differs). */
  readonly edited: string[];
  /** True when every folder is applied and nothing above is amiss. */
  readonly upToDate: boolean;
}

/** `prisma migrate status`. */
export async function migrateStatus(options: DatabaseVerbOptions): Promise<MigrateStatus> {
  const project = loadProject(options.projectRoot);
  const [migrations, diagnosis] = await Promise.all([
    listMigrationNames(project.migrationsDir),
    withSchemaEngine({ ...options, project }, (engine) => engine.diagnoseHistory()),
  ]);
  const history = diagnosis.history;
  const unapplied = history && history.diagnostic !== 'migrationsDirectoryIsBehind' ? history.unappliedMigrationNames : [];
  const unpersisted = history && history.diagnostic !== 'databaseIsBehind' ? history.unpersistedMigrationNames : [];
  return {
    migrations,
    hasMigrationsTable: diagnosis.hasMigrationsTable,
    unapplied,
    unpersisted,
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
    upToDate: history === null && diagnosis.failedMigrationNames.length === 0 && diagnosis.editedMigrationNames.length === 0,
  };
}
