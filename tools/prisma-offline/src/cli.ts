import { readInfraState } from '@antt/infra';
import { runCli } from './cli/run-cli';

/**
 * `check` only needs a server it may create a scratch database on: without --url or DATABASE_URL it uses the PostgreSQL
 * server `npm run infra:up` resolved, so that CI and developers run the drift check with no setup.
 */
async function environment(argv: readonly string[]): Promise<NodeJS.ProcessEnv> {
  if (process.env.DATABASE_URL || argv.includes('--url') || argv[0] !== 'check') return process.env;
  const state = await readInfraState();
  return state ? { ...process.env, DATABASE_URL: state.postgres.adminUrl } : process.env;
}

const argv = process.argv.slice(2);
void environment(argv)
  .then((env) =>
    runCli(argv, env, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    }),
  )
  .then((code) => {
    process.exitCode = code;
  });
