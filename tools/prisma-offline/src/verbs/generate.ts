import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PrismaOfflineError } from '../errors';
import { loadProject } from '../project/load-project';

const run = promisify(execFile);

/** The script set as Prisma's native schema engine: it exits 1 with a message pointing at this tool. */
export const NO_SCHEMA_ENGINE = path.resolve(__dirname, '../../bin/no-schema-engine.sh');

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** The service folder holding `prisma.config.ts`. */
  readonly projectRoot: string;
}

/** `prisma generate` through the ordinary Prisma CLI, which needs no native engine once told where "its" engine is. */
export async function generate(options: GenerateOptions): Promise<{ readonly output: string }> {
  const project = loadProject(options.projectRoot);
  const prismaCli = createRequire(__filename).resolve('prisma/build/index.js');
  try {
    const { stdout } = await run(process.execPath, [prismaCli, 'generate', '--config', project.configFile], {
      cwd: project.root,
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: NO_SCHEMA_ENGINE,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { output: stdout };
  } catch (error) {
    const failure = error as { stderr?: string; stdout?: string; message: string };
    const details = [failure.stderr, failure.stdout].filter(Boolean).join('\n') || failure.message;
    const lines = details.split('\n').map((line) => line.trim()).filter(Boolean);
    const reason = lines.find((line) => line.startsWith('Error')) ?? lines.at(-1) ?? failure.message;
    throw new PrismaOfflineError('GENERATE_FAILED', `prisma generate failed for ${project.root}: ${reason}`, details);
  }
}
