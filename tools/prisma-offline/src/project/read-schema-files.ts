import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PrismaOfflineError } from '../errors';

/** One `.prisma` file as the schema engine takes it. */
export interface SchemaFile {
  readonly path: string;
  readonly content: string;
}

/** Reads a schema file, or every `.prisma` file under a schema folder (recursively, in a stable order). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const info = await stat(schemaPath).catch(() => undefined);
  if (!info) throw new PrismaOfflineError('SCHEMA_NOT_FOUND', `Prisma schema not found at ${schemaPath}.`);
  if (info.isFile()) return [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
  const entries = await readdir(schemaPath, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new PrismaOfflineError('SCHEMA_NOT_FOUND', `No .prisma files in ${schemaPath}.`);
  return Promise.all(files.map(async (file) => ({ path: file, content: await readFile(file, 'utf8') })));
}
