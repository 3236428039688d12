import path from 'node:path';
import { PrismaOfflineError } from '../errors';
import { loadProject } from './load-project';
import { resolveProject } from './resolve-project';

describe('resolveProject', () => {
  const configFile = '/srv/apps/org-units/prisma.config.ts';

  it('resolves the schema folder and migrations path relative to the config file', () => {
    const project = resolveProject(configFile, {
      schema: 'prisma',
      migrations: { path: 'prisma/migrations', initShadowDb: 'CREATE EXTENSION unaccent;' },
      datasource: { url: 'postgresql://u@h/db' },
      tables: { external: ['legacy'] },
    });

    expect(project).toEqual({
      root: '/srv/apps/org-units',
      configFile,
      schemaPath: '/srv/apps/org-units/prisma',
      migrationsDir: '/srv/apps/org-units/prisma/migrations',
      initShadowDb: 'CREATE EXTENSION unaccent;',
      filters: { externalTables: ['legacy'], externalEnums: [] },
      configUrl: 'postgresql://u@h/db',
    });
  });

  it("uses Prisma's defaults: prisma/schema.prisma and migrations beside it", () => {
    expect(resolveProject(configFile, {})).toMatchObject({
      schemaPath: '/srv/apps/org-units/prisma/schema.prisma',
      migrationsDir: '/srv/apps/org-units/prisma/migrations',
      configUrl: undefined,
    });
  });

  it('treats an unset or empty datasource URL as absent', () => {
    expect(resolveProject(configFile, { datasource: { url: undefined } }).configUrl).toBeUndefined();
    expect(resolveProject(configFile, { datasource: { url: '' } }).configUrl).toBeUndefined();
  });

  it('rejects an export that is not a Prisma config', () => {
    expect(() => resolveProject(configFile, { schema: 42 })).toThrow(PrismaOfflineError);
    expect(() => resolveProject(configFile, 'nope')).toThrow(/does not export a Prisma config/);
  });
});

describe('loadProject', () => {
  const fixture = path.join(__dirname, '..', '..', 'test', 'fixture');

  it('loads the fixture service through prisma/config without a DATABASE_URL', () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(loadProject(fixture)).toMatchObject({
        root: fixture,
        schemaPath: path.join(fixture, 'prisma'),
        migrationsDir: path.join(fixture, 'prisma', 'migrations'),
      });
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it('says which folder has no prisma.config.ts', () => {
    expect(() => loadProject(__dirname)).toThrow(`No prisma.config.ts in ${__dirname}.`);
  });
});
