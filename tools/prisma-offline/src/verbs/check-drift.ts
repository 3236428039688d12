import { withSchemaEngine } from '../engine/schema-engine';
import { loadProject } from '../project/load-project';
import { type DatabaseVerbOptions } from './options';

/** Result of {@link checkDrift}. */
export interface DriftReport {
  /** True when replaying the migrations yields exactly the schema. */
  readonly inSync: boolean;
  /** The SQL of the migration that is missing (what `migrate dev` would write), when not in sync. */
  readonly missingMigrationSql?: string;
}

/**
 * Drift check for CI (`prisma migrate diff --from-migrations … --to-schema … --exit-code`): replays the migrations folder
 * into a throwaway shadow database on the server of `databaseUrl` (which needs CREATEDB; nothing else is touched there)
 * and compares the result with the schema.
 */
export async function checkDrift(options: DatabaseVerbOptions): Promise<DriftReport> {
  const project = loadProject(options.projectRoot);
  const missing = await withSchemaEngine({ ...options, project }, (engine) => engine.missingMigrationSql());
  return missing === null ? { inSync: true } : { inSync: false, missingMigrationSql: missing };
}
