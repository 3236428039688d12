import { z } from 'zod';
import { assessmentsConfigShape } from '../config';
import { type EvidenceRules } from '../domain/evidence';
import { FileSystemEvidenceStorage } from '../infrastructure/filesystem-evidence-storage';

/** The service's evidence variables, with its defaults (the demo attaches no file, but the domain is wired as the service wires it). */
const evidenceConfigShape = z.object({
  EVIDENCE_STORAGE_DIR: assessmentsConfigShape.EVIDENCE_STORAGE_DIR,
  EVIDENCE_MAX_BYTES: assessmentsConfigShape.EVIDENCE_MAX_BYTES,
  EVIDENCE_ALLOWED_TYPES: assessmentsConfigShape.EVIDENCE_ALLOWED_TYPES,
});

const demoConfigShape = z.object({
  ...evidenceConfigShape.shape,
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

/** The evidence rules the service would use under `env` (its storage directory opened and checked, its limits). */
export async function demoEvidenceRules(env: Record<string, string | undefined> = process.env): Promise<EvidenceRules> {
  const config = evidenceConfigShape.parse(env);
  return { storage: await FileSystemEvidenceStorage.open(config.EVIDENCE_STORAGE_DIR), maxBytes: config.EVIDENCE_MAX_BYTES, allowedTypes: config.EVIDENCE_ALLOWED_TYPES };
}
