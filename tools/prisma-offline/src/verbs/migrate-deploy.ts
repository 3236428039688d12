import { withSchemaEngine } from '../engine/schema-engine';
import { loadProject } from '../project/load-project';
import { type DatabaseVerbOptions } from './options';

/** Result of {@link migrateDeploy}. */
export interface MigrateDeployResult {
  /** Migration folders applied by this call, in order; empty when the database was up to date. */
  readonly applied: string[];
}

/** `prisma migrate deploy`: applies every pending migration folder, recording each in `_prisma_migrations`. */
export async function migrateDeploy(options: DatabaseVerbOptions): Promise<MigrateDeployResult> {
  const project = loadProject(options.projectRoot);
  const applied = await withSchemaEngine({ ...options, project }, (engine) => engine.applyMigrations());
  return { applied };
}
