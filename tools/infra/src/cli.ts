import { down } from './down';
import { InfraUnavailableError } from './infra-error';
import { formatStatus, status } from './status';
import { up } from './up';

const USAGE = 'usage: infra <up|down|status> [--json]';

async function main(argv: readonly string[]): Promise<number> {
  const [verb, ...flags] = argv;
  switch (verb) {
    case 'up':
      await up();
      return 0;
    case 'down':
      await down();
      return 0;
    case 'status': {
      const components = await status();
      if (flags.includes('--json')) process.stdout.write(`${JSON.stringify(components, null, 2)}\n`);
      else for (const line of formatStatus(components)) process.stdout.write(`${line}\n`);
      return components.length > 0 && components.every((component) => component.answers) ? 0 : 1;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InfraUnavailableError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`[infra] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
