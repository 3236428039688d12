/** Where a service keeps its Prisma files, resolved to absolute paths from its `prisma.config.ts`. */
export interface PrismaProject {
  /** The service folder that holds `prisma.config.ts`. */
  readonly root: string;
  readonly configFile: string;
  /** A `.prisma` file or a folder searched recursively for `.prisma` files. */
  readonly schemaPath: string;
  readonly migrationsDir: string;
  /** SQL run on every shadow database before the migrations are replayed (`migrations.initShadowDb`). */
  readonly initShadowDb: string;
  /** Tables and enums managed outside Prisma (`tables.external`, `enums.external`). */
  readonly filters: { readonly externalTables: string[]; readonly externalEnums: string[] };
  /** `datasource.url` as the config resolved it, when set. */
  readonly configUrl: string | undefined;
}
