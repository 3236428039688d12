import { type DateRange } from '@antt/service-kit';
import { z } from 'zod';
import { orgUnitsConfigShape } from '../config';

const importConfigShape = z.object({
  DATABASE_URL: orgUnitsConfigShape.DATABASE_URL,
  ORG_UNITS_EARLIEST_DATE: orgUnitsConfigShape.ORG_UNITS_EARLIEST_DATE,
  ORG_UNITS_LATEST_DATE: orgUnitsConfigShape.ORG_UNITS_LATEST_DATE,
});

export interface ImportConfig {
  DATABASE_URL: string;
  /** The dates a row may carry (`ORG_UNITS_EARLIEST_DATE` … `ORG_UNITS_LATEST_DATE`, the service's own bounds). */
  dates: DateRange;
}

/** What the import CLI reads from the environment: the database and the service's date bounds. */
export function loadImportConfig(env: Record<string, string | undefined> = process.env): ImportConfig {
  const parsed = importConfigShape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Import configuration is invalid (${problems}). Set DATABASE_URL to the org-units database (postgresql://…).`);
  }
  const { DATABASE_URL, ORG_UNITS_EARLIEST_DATE, ORG_UNITS_LATEST_DATE } = parsed.data;
  return { DATABASE_URL, dates: { earliest: ORG_UNITS_EARLIEST_DATE, latest: ORG_UNITS_LATEST_DATE } };
}
