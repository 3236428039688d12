/** What every verb that talks to a database takes. */
export interface DatabaseVerbOptions {
  /** The service folder holding `prisma.config.ts` (e.g. `apps/org-units`). */
  readonly projectRoot: string;
  /** `postgresql://…` of the database to act on; the config's `datasource.url` is not consulted. */
  readonly databaseUrl: string;
  /** Receives the schema engine's log lines. */
  readonly log?: (line: string) => void;
}
