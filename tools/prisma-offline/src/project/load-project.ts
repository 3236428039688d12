import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaOfflineError } from '../errors';
import { type PrismaProject } from './prisma-project';
import { resolveProject } from './resolve-project';

const CONFIG_FILES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.cts', 'prisma.config.js', 'prisma.config.cjs'];

/**
 * Reads `<projectRoot>/prisma.config.ts`. The file is loaded with the running process's own module loader (tsx or Jest),
 * not with `@prisma/config`'s loader, whose dynamic `import()` cannot run inside Jest's CommonJS sandbox.
 */
export function loadProject(projectRoot: string): PrismaProject {
  const root = path.resolve(projectRoot);
  const configFile = CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  if (!configFile) {
    throw new PrismaOfflineError('CONFIG_INVALID', `No prisma.config.ts in ${root}.`);
  }
  let loaded: unknown;
  try {
    loaded = createRequire(__filename)(configFile);
  } catch (error) {
    throw new PrismaOfflineError('CONFIG_INVALID', `Cannot load ${configFile}: ${(error as Error).message}`);
  }
  return resolveProject(configFile, defaultExport(loaded));
}

function defaultExport(loaded: unknown): unknown {
  if (loaded !== null && typeof loaded === 'object' && 'default' in loaded) return loaded.default;
  return loaded;
}
