import path from 'node:path';
import { z } from 'zod';
import { PrismaOfflineError } from '../errors';
import { type PrismaProject } from './prisma-project';

const configShape = z.looseObject({
  schema: z.string().optional(),
  migrations: z.looseObject({ path: z.string().optional(), initShadowDb: z.string().optional() }).optional(),
  datasource: z.looseObject({ url: z.string().optional() }).optional(),
  tables: z.looseObject({ external: z.array(z.string()).optional() }).optional(),
  enums: z.looseObject({ external: z.array(z.string()).optional() }).optional(),
});

/**
 * Turns the default export of a `prisma.config.ts` into absolute paths, with Prisma's own rules: paths are relative to the
 * config file's folder, the schema defaults to `prisma/schema.prisma`, migrations default to `migrations/` beside the schema.
 */
export function resolveProject(configFile: string, exported: unknown): PrismaProject {
  const parsed = configShape.safeParse(exported);
  if (!parsed.success) {
    throw new PrismaOfflineError('CONFIG_INVALID', `${configFile} does not export a Prisma config: ${z.prettifyError(parsed.error)}`);
  }
  const config = parsed.data;
  const root = path.dirname(configFile);
  const schemaPath = path.resolve(root, config.schema ?? 'prisma/schema.prisma');
  const schemaDir = schemaPath.endsWith('.prisma') ? path.dirname(schemaPath) : schemaPath;
  return {
    root,
    configFile,
    schemaPath,
    migrationsDir: config.migrations?.path ? path.resolve(root, config.migrations.path) : path.join(schemaDir, 'migrations'),
    initShadowDb: config.migrations?.initShadowDb ?? '',
    filters: { externalTables: config.tables?.external ?? [], externalEnums: config.enums?.external ?? [] },
    configUrl: config.datasource?.url || undefined,
  };
}
