import path from 'node:path';
import { PrismaOfflineError } from '../errors';
import { checkDrift } from '../verbs/check-drift';
import { generate } from '../verbs/generate';
import { migrateDeploy } from '../verbs/migrate-deploy';
import { migrateDev } from '../verbs/migrate-dev';
import { migrateStatus } from '../verbs/migrate-status';
import { type CliCommand, parseCliArgs, USAGE, UsageError } from './parse-cli-args';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, error: 1, drift: 2 } as const;

/** Where the CLI writes. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Runs one command line and returns the exit code: 0 ok, 1 error (or migrations not applied, for status), 2 drift. */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, output: CliOutput): Promise<number> {
  try {
    return await execute(parseCliArgs(argv, env), output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`prisma-offline: ${error.message}`);
      output.err(USAGE);
    } else if (error instanceof PrismaOfflineError) {
      output.err(`prisma-offline: ${error.message}`);
    } else {
      output.err(`prisma-offline: ${(error as Error).stack ?? String(error)}`);
    }
    return EXIT.error;
  }
}

async function execute(command: CliCommand, output: CliOutput): Promise<number> {

  switch (command.verb) {
    case 'generate': {
      await generate(command);
      output.out(`Generated the Prisma client of ${command.projectRoot}.`);
      return EXIT.ok;
    }
    case 'migrate dev': {
      const result = await migrateDev(command);
      const pending = result.applied.filter((name) => name !== result.created);
      if (pending.length > 0) output.out(`Applied pending migrations: ${pending.join(', ')}.`);
      if (!result.file) output.out('Already in sync: no migration created.');
      else if (command.createOnly) output.out(`Created ${path.relative(process.cwd(), result.file)} (not applied: --create-only).`);
      else output.out(`Created and applied ${path.relative(process.cwd(), result.file)}.`);
      return EXIT.ok;
    }
    case 'migrate deploy': {
      const { applied } = await migrateDeploy(command);
      output.out(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.` : 'No pending migrations to apply.');
      return EXIT.ok;
    }
    case 'migrate status': {
      const status = await migrateStatus(command);
      if (status.upToDate) {
        output.out(`Database schema is up to date (${status.migrations.length} migration(s)).`);
        return EXIT.ok;
      }
      const problems = [
        status.unapplied.length > 0 && `not yet applied: ${status.unapplied.join(', ')}`,
        status.unpersisted.length > 0 && `applied but missing from the folder: ${status.unpersisted.join(', ')}`,
        status.failed.length > 0 && `failed: ${status.failed.join(', ')}`,
        status.edited.length > 0 && `edited after being applied: ${status.edited.join(', ')}`,
      ].filter(Boolean);
      output.err(`Database schema is not up to date; ${problems.join('; ')}.`);
      return EXIT.error;
    }
    case 'check': {
      const report = await checkDrift(command);
      if (report.inSync) {
        output.out(`Schema and migrations of ${command.projectRoot} agree.`);
        return EXIT.ok;
      }
      output.err(`Schema and migrations of ${command.projectRoot} disagree: run "migrate dev" to create the missing migration:`);
      output.err(report.missingMigrationSql ?? '');
      return EXIT.drift;
    }
  }
}
