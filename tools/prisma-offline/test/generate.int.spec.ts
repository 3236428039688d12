import { access } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { generate, migrateDev, PrismaOfflineError } from '../src';
import { createDatabase, dropDatabase, urlOf } from './support/databases';
import { copyFixture, removeProject } from './support/temp-project';

/** The part of the fixture's generated client this test uses. */
interface FixtureClient {
  author: {
    create(args: { data: { name: string; books: { create: { title: string; publishedOn: Date }[] } } }): Promise<{ id: string }>;
    findUniqueOrThrow(args: {
      where: { id: string };
      include: { books: true };
    }): Promise<{ name: string; motto: string; books: { title: string; publishedOn: Date | null }[] }>;
  };
  $disconnect(): Promise<void>;
}

describe('generate', () => {
  let root: string;
  let database: string;

  beforeAll(async () => {
    root = await copyFixture();
    database = await createDatabase('generate');
  });

  afterAll(async () => {
    await dropDatabase(database);
    await removeProject(root);
  });

  it('runs prisma generate without native engines; the CommonJS client it writes works through @prisma/adapter-pg', async () => {
    await migrateDev({ projectRoot: root, databaseUrl: urlOf(database), name: 'init' });

    await generate({ projectRoot: root });

    const clientFile = path.join(root, 'src', 'generated', 'prisma', 'client.ts');
    await access(clientFile);
    const { PrismaClient } = (await import(clientFile)) as { PrismaClient: new (options: { adapter: PrismaPg }) => FixtureClient };
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: urlOf(database) }) });
    try {
      const created = await prisma.author.create({
        data: { name: 'Nguyễn Du', books: { create: [{ title: 'Truyện Kiều', publishedOn: new Date('1820-01-01') }] } },
      });
      const read = await prisma.author.findUniqueOrThrow({ where: { id: created.id }, include: { books: true } });
      expect(read).toMatchObject({
        name: 'Nguyễn Du',
        motto: 'first; second',
        books: [{ title: 'Truyện Kiều', publishedOn: new Date('1820-01-01') }],
      });
    } finally {
      await prisma.$disconnect();
    }
  });

  it('fails with one readable sentence when the schema is invalid', async () => {
    const broken = await copyFixture();
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path.join(broken, 'prisma', 'broken.prisma'), 'model Broken {\n  id Nope @id\n}\n');
      const error = await generate({ projectRoot: broken }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PrismaOfflineError);
      expect((error as PrismaOfflineError).code).toBe('GENERATE_FAILED');
      expect((error as PrismaOfflineError).details).toContain('Nope');
    } finally {
      await removeProject(broken);
    }
  });
});
