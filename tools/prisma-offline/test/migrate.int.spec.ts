import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDrift, migrateDeploy, migrateDev, migrateStatus, PrismaOfflineError } from '../src';
import { runCli } from '../src/cli/run-cli';
import { ADMIN_URL, createDatabase, dropDatabase, queryDatabase, shadowDatabases, urlOf } from './support/databases';
import { copyFixture, removeProject } from './support/temp-project';

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

describe('migrate dev, deploy, status and check on a real PostgreSQL', () => {
  let root: string;
  let devDb: string;
  let deployDb: string;
  let shadowsBefore: string[];
  let initName: string;

  beforeAll(async () => {
    shadowsBefore = await shadowDatabases();
    root = await copyFixture();
    devDb = await createDatabase('dev');
    deployDb = await createDatabase('deploy');
  });

  afterAll(async () => {
    await dropDatabase(devDb);
    await dropDatabase(deployDb);
    await removeProject(root);
  });

  it('migrate dev writes a Prisma migration folder and lock file from the multi-file schema, and applies it', async () => {
    const result = await migrateDev({ projectRoot: root, databaseUrl: urlOf(devDb), name: 'init' });

    expect(result.created).toMatch(/^\d{14}_init$/);
    initName = result.created ?? '';
    expect(result.applied).toEqual([initName]);
    const migrationsDir = path.join(root, 'prisma', 'migrations');
    expect((await readdir(migrationsDir)).sort()).toEqual([initName, 'migration_lock.toml']);
    expect(await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    const sql = await readFile(path.join(migrationsDir, initName, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "author"');
    expect(sql).toContain('CREATE TABLE "book"');
    expect(sql).toContain(`DEFAULT 'first; second'`);
  });

  it('migrate dev creates nothing when the schema and the migrations already agree', async () => {
    const result = await migrateDev({ projectRoot: root, databaseUrl: urlOf(devDb), name: 'nothing' });
    expect(result).toEqual({ created: null, file: null, applied: [] });
  });

  it('migrate deploy applies the folder to a fresh database, then has nothing left to apply', async () => {
    expect(await migrateStatus({ projectRoot: root, databaseUrl: urlOf(deployDb) })).toMatchObject({
      hasMigrationsTable: false,
      unapplied: [initName],
      upToDate: false,
    });

    expect(await migrateDeploy({ projectRoot: root, databaseUrl: urlOf(deployDb) })).toEqual({ applied: [initName], fromEmpty: true });
    expect(await migrateDeploy({ projectRoot: root, databaseUrl: urlOf(deployDb) })).toEqual({ applied: [], fromEmpty: false });

    expect(await migrateStatus({ projectRoot: root, databaseUrl: urlOf(deployDb) })).toEqual({
      migrations: [initName],
      hasMigrationsTable: true,
      unapplied: [],
      unpersisted: [],
      failed: [],
      edited: [],
      upToDate: true,
    });
  });

  it('records each migration in _prisma_migrations as Prisma does', async () => {
    const sql = await readFile(path.join(root, 'prisma', 'migrations', initName, 'migration.sql'));
    const rows = await queryDatabase<MigrationRow>(deployDb, 'SELECT * FROM "_prisma_migrations"');

    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      migration_name: initName,
      checksum: createHash('sha256').update(sql).digest('hex'),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);
  });

  it('keeps a string literal containing ";" whole', async () => {
    const [column] = await queryDatabase<{ column_default: string }>(
      deployDb,
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'motto'`,
    );
    expect(column?.column_default).toBe(`'first; second'::text`);
    const [author] = await queryDatabase<{ motto: string }>(
      deployDb,
      `INSERT INTO author (id, name) VALUES (gen_random_uuid(), 'Nguyễn Du') RETURNING motto`,
    );
    expect(author?.motto).toBe('first; second');
  });

  it('check finds schema and migrations in agreement, replaying them only into a shadow database', async () => {
    const untouched = await createDatabase('untouched');
    try {
      expect(await checkDrift({ projectRoot: root, databaseUrl: urlOf(untouched) })).toEqual({ inSync: true });
      expect(await queryDatabase(untouched, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
    } finally {
      await dropDatabase(untouched);
    }
  });

  it('check reports drift with the SQL of the missing migration, and the CLI exits 2', async () => {
    await writeFile(path.join(root, 'prisma', 'review.prisma'), 'model Review {\n  id    Int    @id @default(autoincrement())\n  stars Int\n\n  @@map("review")\n}\n');

    const report = await checkDrift({ projectRoot: root, databaseUrl: ADMIN_URL });

    expect(report.inSync).toBe(false);
    expect(report.missingMigrationSql).toContain('CREATE TABLE "review"');
    const lines: string[] = [];
    const code = await runCli(['check', root, '--url', ADMIN_URL], {}, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('CREATE TABLE "review"');
  });

  it('migrate dev --create-only writes the next migration without applying it; status then reports it pending', async () => {
    const result = await migrateDev({ projectRoot: root, databaseUrl: urlOf(devDb), name: 'add review', createOnly: true });

    expect(result.created).toMatch(/^\d{14}_add_review$/);
    expect(result.applied).toEqual([]);
    expect(await migrateStatus({ projectRoot: root, databaseUrl: urlOf(devDb) })).toMatchObject({
      unapplied: [result.created],
      upToDate: false,
    });
    expect(await checkDrift({ projectRoot: root, databaseUrl: ADMIN_URL })).toEqual({ inSync: true });
    expect(await migrateDeploy({ projectRoot: root, databaseUrl: urlOf(devDb) })).toEqual({ applied: [result.created], fromEmpty: false });
  });

  it('a failing migration is rolled back, recorded as failed, and blocks later deploys with a readable error', async () => {
    const failing = path.join(root, 'prisma', 'migrations', '29990101000000_broken');
    await import('node:fs/promises').then((fs) => fs.mkdir(failing));
    await writeFile(path.join(failing, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_column FROM author;\n');

    const first = await migrateDeploy({ projectRoot: root, databaseUrl: urlOf(deployDb) }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(PrismaOfflineError);
    expect((first as PrismaOfflineError).message).toContain('no_such_column');
    expect(await queryDatabase(deployDb, `SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    const [row] = await queryDatabase<MigrationRow>(deployDb, `SELECT * FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(row?.finished_at).toBeNull();

    await expect(migrateDeploy({ projectRoot: root, databaseUrl: urlOf(deployDb) })).rejects.toThrow(/failed migrations/);
    expect(await migrateStatus({ projectRoot: root, databaseUrl: urlOf(deployDb) })).toMatchObject({
      failed: ['29990101000000_broken'],
      upToDate: false,
    });
  });

  it('leaves no shadow database behind', async () => {
    expect((await shadowDatabases()).filter((name) => !shadowsBefore.includes(name))).toEqual([]);
  });
});
