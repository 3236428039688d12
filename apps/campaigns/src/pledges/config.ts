import { z } from 'zod';
import { campaignsConfigShape, checkPledgeKeys } from '../config';

const shape = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: campaignsConfigShape.DATABASE_URL,
  CAMPAIGNS_TIME_ZONE: campaignsConfigShape.CAMPAIGNS_TIME_ZONE,
  CAMPAIGNS_EARLIEST_DATE: campaignsConfigShape.CAMPAIGNS_EARLIEST_DATE,
  CAMPAIGNS_LATEST_DATE: campaignsConfigShape.CAMPAIGNS_LATEST_DATE,
  PLEDGE_HASH_KEY: campaignsConfigShape.PLEDGE_HASH_KEY,
  PLEDGE_ENCRYPTION_KEY: campaignsConfigShape.PLEDGE_ENCRYPTION_KEY,
});

/** What the pledge tools (CLI, demo) read: the campaigns database, dates and the pledge keys, validated like the service's. */
export function loadPledgeToolConfig(env: Record<string, string | undefined> = process.env) {
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = shape.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Configuration is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const issues = checkPledgeKeys(parsed.data);
  if (issues.length > 0) throw new Error(`Configuration is invalid: ${issues.map((issue) => `${issue.variable}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
