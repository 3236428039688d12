import path from 'node:path';
import { readSchemaFiles } from './read-schema-files';

describe('readSchemaFiles', () => {
  const schemaDir = path.join(__dirname, '..', '..', 'test', 'fixture', 'prisma');

  it('reads every .prisma file of a schema folder, in path order', async () => {
    const files = await readSchemaFiles(schemaDir);
    expect(files.map((file) => path.basename(file.path))).toEqual(['author.prisma', 'book.prisma', 'schema.prisma']);
    expect(files[0]?.content).toContain('model Author');
  });

  it('reads a single schema file', async () => {
    const files = await readSchemaFiles(path.join(schemaDir, 'schema.prisma'));
    expect(files).toHaveLength(1);
  });

  it('fails clearly when the schema is missing', async () => {
    await expect(readSchemaFiles(path.join(schemaDir, 'missing'))).rejects.toThrow(/Prisma schema not found/);
  });
});
