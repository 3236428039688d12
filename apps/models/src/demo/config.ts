import { z } from 'zod';
import { modelsConfigShape } from '../config';

const demoConfigShape = z.object({
  DATABASE_URL: modelsConfigShape.DATABASE_URL,
  MODELS_EARLIEST_DATE: modelsConfigShape.MODELS_EARLIEST_DATE,
  MODELS_LATEST_DATE: modelsConfigShape.MODELS_LATEST_DATE,
});

/** What the demo loader reads from the environment: the models database and the service's date bounds. */
export function loadDemoConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = demoConfigShape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Demo configuration is invalid (${problems}). Set DATABASE_URL to the models database (postgresql://…).`);
  }
  return parsed.data;
}
