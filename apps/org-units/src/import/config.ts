import { z } from 'zod';

/** What the import CLI reads from the environment. */
export function loadImportConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = z.object({ DATABASE_URL: z.url() }).safeParse(env);
  if (!parsed.success) throw new Error('Set DATABASE_URL to the org-units database (postgresql://…).');
  return parsed.data;
}
