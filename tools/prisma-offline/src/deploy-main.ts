import { PrismaOfflineError } from './errors';
import { migrateDeploy } from './verbs/migrate-deploy';

/**
 * `migrate deploy` alone, for a container: the service images bundle this file (esbuild) as `dist/migrate.js` and run
 * `node dist/migrate.js` as a one-shot job before the service starts (docker-compose.yml, infra/k8s). It imports only the
 * deploy verb, so the image needs the schema engine (WebAssembly) and the pg adapter, not the Prisma CLI or the generator.
 * Project folder: the first argument (default: the working directory); database: DATABASE_URL.
 */
async function main(): Promise<number> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    process.stderr.write('migrate: DATABASE_URL is not set\n');
    return 1;
  }
  const projectRoot = process.argv[2] ?? process.cwd();
  const { applied } = await migrateDeploy({ projectRoot, databaseUrl });
  process.stdout.write(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.\n` : 'No pending migrations to apply.\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`migrate: ${error instanceof PrismaOfflineError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
