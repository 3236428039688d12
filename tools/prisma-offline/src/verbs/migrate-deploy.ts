import { withSchemaEngine } from '../engine/schema-engine';
import { listMigrationNames } from '../migrations/read-migrations';
import { loadProject } from '../project/load-project';
import { type DatabaseVerbOptions } from './options';

/** Result of {@link migrateDeploy}. */
export interface MigrateDeployResult {
  /** Migration folders applied by this call, in order; empty when the database was up to date. */
  readonly applied: string[];
  /** True when the database held none of the migrations before this call (every folder was applied by it). */
  readonly fromEmpty: boolean;
}

/** `prisma migrate deploy`: applies every pending migration folder, recording each in `_prisma_migrations`. */
export async function migrateDeploy(options: DatabaseVerbOptions): Promise<MigrateDeployResult> {
  const project = loadProject(options.projectRoot);
  const [migrations, applied] = await Promise.all([
    listMigrationNames(project.migrationsDir),
    withSchemaEngine({ ...options, project }, (engine) => engine.applyMigrations()),
  ]);
  return { applied, fromEmpty: migrations.length > 0 && applied.length === migrations.length };
}
