import { z } from 'zod';
import { campaignsConfigShape } from '../config';

const demoConfigShape = z.object({
  DATABASE_URL: campaignsConfigShape.DATABASE_URL,
  CAMPAIGNS_EARLIEST_DATE: campaignsConfigShape.CAMPAIGNS_EARLIEST_DATE,
  CAMPAIGNS_LATEST_DATE: campaignsConfigShape.CAMPAIGNS_LATEST_DATE,
  PLEDGE_HASH_KEY: campaignsConfigShape.PLEDGE_HASH_KEY,
  PLEDGE_ENCRYPTION_KEY: campaignsConfigShape.PLEDGE_ENCRYPTION_KEY,
});

/** What the demo loader reads from the environment: the campaigns database and the service's date bounds. */
export function loadDemoConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = demoConfigShape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Demo configuration is invalid (${problems}). Set DATABASE_URL to the campaigns database (postgresql://…).`);
  }
  return parsed.data;
}
