import { parseArgs } from 'node:util';

/** A command line, understood. */
export type CliCommand =
  | { readonly verb: 'generate'; readonly projectRoot: string }
  | {
      readonly verb: 'migrate dev';
      readonly projectRoot: string;
      readonly databaseUrl: string;
      readonly name: string;
      readonly createOnly: boolean;
      readonly acceptDataLoss: boolean;
    }
  | { readonly verb: 'migrate deploy' | 'migrate status' | 'check'; readonly projectRoot: string; readonly databaseUrl: string };

/** One line telling how to call the tool. */
export const USAGE =
  'usage: prisma-offline generate <projectRoot> | migrate dev <projectRoot> --name <name> [--create-only] [--accept-data-loss] | migrate deploy|status <projectRoot> | check <projectRoot>  (database: --url or DATABASE_URL)';

/** A command line that cannot be run; the message is one sentence. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const VERBS = ['generate', 'migrate dev', 'migrate deploy', 'migrate status', 'check'] as const;
type Verb = (typeof VERBS)[number];

function isVerb(value: string): value is Verb {
  return (VERBS as readonly string[]).includes(value);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        name: { type: 'string', short: 'n' },
        'create-only': { type: 'boolean', default: false },
        'accept-data-loss': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses the arguments after the script name; the database URL comes from `--url`, else from `DATABASE_URL`. */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  const { values, positionals } = parse(argv);
  const isMigrate = positionals[0] === 'migrate';
  const verb = isMigrate ? `migrate ${positionals[1] ?? ''}` : (positionals[0] ?? '');
  if (!isVerb(verb)) throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
  const projectRoot = positionals[isMigrate ? 2 : 1];
  if (!projectRoot || positionals.length !== (isMigrate ? 3 : 2)) {
    throw new UsageError(`"${verb}" takes exactly one project folder (e.g. apps/org-units).`);
  }
  if (verb === 'generate') return { verb, projectRoot };
  const databaseUrl = values.url ?? env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError(`"${verb}" needs a database: pass --url or set DATABASE_URL.`);
  if (verb !== 'migrate dev') return { verb, projectRoot, databaseUrl };
  if (!values.name) throw new UsageError('"migrate dev" needs --name <name> for the new migration.');
  return {
    verb,
    projectRoot,
    databaseUrl,
    name: values.name,
    createOnly: values['create-only'],
    acceptDataLoss: values['accept-data-loss'],
  };
}
