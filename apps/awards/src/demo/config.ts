import { z } from 'zod';
import { awardsConfigShape } from '../config';

const expected = z.coerce.number().int().min(0).default(0);

const demoConfigShape = z.object({
  DATABASE_URL: awardsConfigShape.DATABASE_URL,
  AWARDS_EARLIEST_DATE: awardsConfigShape.AWARDS_EARLIEST_DATE,
  AWARDS_LATEST_DATE: awardsConfigShape.AWARDS_LATEST_DATE,
  /** The running service's nominee keys (the same defaults): the demo's nominees must be found again by the service. */
  AWARDS_NOMINEE_HASH_KEY: awardsConfigShape.AWARDS_NOMINEE_HASH_KEY,
  AWARDS_NOMINEE_ENCRYPTION_KEY: awardsConfigShape.AWARDS_NOMINEE_ENCRYPTION_KEY,
  /** Launched campaigns the fact store must hold (campaigns' count; 0: do not wait for more than the provincial 2024 campaign). */
  DEMO_EXPECTED_CAMPAIGNS: expected,
  /** 2024 registrations the fact store must hold (campaigns' count). */
  DEMO_EXPECTED_REGISTRATIONS: expected,
  /** Sum of the revisions of assessments' 2024 classifications (every one at its latest revision). */
  DEMO_EXPECTED_CLASSIFICATION_REVISIONS: expected,
  /** Sum of the revisions of assessments' 2024 safe-standard decisions (revocations and corrections included). */
  DEMO_EXPECTED_RECOGNITION_REVISIONS: expected,
  /** How long to wait for those facts, in seconds. */
  DEMO_FACTS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
});

export type DemoConfig = z.infer<typeof demoConfigShape>;

/** What the demo loader reads from the environment: the awards database, the service's date bounds and nominee keys, the wait. */
export function loadDemoConfig(env: Record<string, string | undefined> = process.env): DemoConfig {
  const parsed = demoConfigShape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Demo configuration is invalid (${problems}). Set DATABASE_URL to the awards database (postgresql://…).`);
  }
  return parsed.data;
}
