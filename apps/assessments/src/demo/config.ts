import { z } from 'zod';
import { assessmentsConfigShape } from '../config';

const demoConfigShape = z.object({
  DATABASE_URL: assessmentsConfigShape.DATABASE_URL,
  ASSESSMENTS_EARLIEST_DATE: assessmentsConfigShape.ASSESSMENTS_EARLIEST_DATE,
  ASSESSMENTS_LATEST_DATE: assessmentsConfigShape.ASSESSMENTS_LATEST_DATE,
  /** How many 2024 registrations the loader waits for in its facts (campaigns' count; 0: do not wait). */
  DEMO_EXPECTED_REGISTRATIONS: z.coerce.number().int().min(0).default(0),
  /** How long to wait for them, in seconds. */
  DEMO_REGISTRATIONS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
  /** Units worked on at once (one transaction each). */
  DEMO_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(6),
});

/** What the demo loader reads from the environment: the assessments database, the service's date bounds, the wait. */
export function loadDemoConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = demoConfigShape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Demo configuration is invalid (${problems}). Set DATABASE_URL to the assessments database (postgresql://…).`);
  }
  return parsed.data;
}
