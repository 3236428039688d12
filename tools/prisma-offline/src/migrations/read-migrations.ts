import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The lock file Prisma keeps beside the migration folders. */
export const LOCKFILE_NAME = 'migration_lock.toml';
/** The script every migration folder holds. */
export const MIGRATION_FILE = 'migration.sql';

/** Names of the migration folders (`<timestamp>_<name>`), in the order Prisma applies them. A missing folder has none. */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Loads the migrations folder the way the Prisma CLI hands it to the schema engine. */
export async function readMigrationList(migrationsDir: string, shadowDbInitScript: string): Promise<MigrationList> {
  const names = await listMigrationNames(migrationsDir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, MIGRATION_FILE);
      const content = await readFile(file, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (error: Error) => ({ tag: 'error' as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: MIGRATION_FILE, content } };
    }),
  );
  const lockfile = await readFile(path.join(migrationsDir, LOCKFILE_NAME), 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE_NAME, content: lockfile },
    shadowDbInitScript,
    migrationDirectories,
  };
}

/** Whether the migrations folder has its `migration_lock.toml`. */
export async function hasLockfile(migrationsDir: string): Promise<boolean> {
  return access(path.join(migrationsDir, LOCKFILE_NAME)).then(
    () => true,
    () => false,
  );
}
