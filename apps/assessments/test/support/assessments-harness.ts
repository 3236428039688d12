import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Identity } from '@antt/auth';
import { inProcessService, startUnitDirectoryHarness, type UnitDirectoryHarness } from '@antt/testing';
import { startAssessments } from '../../src/app';
import { loadAssessmentsConfig } from '../../src/config';
import { type AssessmentsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/**
 * A migrated test database (prefix as_h_), the assessments subgraph on it with a clock the test moves, and the real gateway
 * process in front of it (committed supergraph). The unit directory is fed directly through its projection (the e2e stack
 * covers the Kafka path); org-units is not running, so tests ask only for fields assessments resolves.
 */
export interface AssessmentsHarness extends UnitDirectoryHarness<AssessmentsPrisma> {
  /** The evidence storage directory of this harness (a fresh temporary one). */
  evidenceDir: string;
  /** Every file under the evidence directory (relative paths), to prove a refused upload left none. */
  evidenceFiles(): Promise<string[]>;
}

export async function startHarness(today: string): Promise<AssessmentsHarness> {
  const evidenceDir = mkdtempSync(path.join(os.tmpdir(), 'as-h-evidence-'));
  const harness = await startUnitDirectoryHarness({
    databasePrefix: 'as_h_',
    projectRoot: PROJECT_ROOT,
    today,
    env: {
      FACTS_CONSUMER_ENABLED: 'false',
      // Specs run the review reminder scheduler themselves, on the dates they choose.
      REVIEW_REMINDER_INTERVAL_MS: '0',
      EVIDENCE_STORAGE_DIR: evidenceDir,
      EVIDENCE_MAX_BYTES: '4096',
      EVIDENCE_ALLOWED_TYPES: 'application/pdf,image/jpeg,image/png',
    },
    start: inProcessService(loadAssessmentsConfig, startAssessments),
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'ASSESSMENTS_URL',
  });
  return {
    ...harness,
    evidenceDir,
    async evidenceFiles() {
      const entries = await readdir(evidenceDir, { recursive: true, withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(evidenceDir, path.join(entry.parentPath, entry.name))).sort();
    },
    async close() {
      await harness.close();
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}

export const as = (subject: string, role: Identity['roles'][number], jurisdictionUnitId: string): Identity => ({ subject, roles: [role], jurisdictionUnitId });

/** Counts of every table a refused request must leave untouched. */
export async function tableCounts(prisma: AssessmentsPrisma) {
  const [recognitions, recognitionRevisions, assessments, scores, changes, classifications, revisions, outbox, answers, steps, evidence, discipline] = await Promise.all([
    prisma.safeStandardRecognition.count(),
    prisma.recognitionRevision.count(),
    prisma.assessment.count(),
    prisma.assessmentScore.count(),
    prisma.assessmentChange.count(),
    prisma.unitClassification.count(),
    prisma.classificationRevision.count(),
    prisma.outboxEvent.count(),
    prisma.assessmentCriterion.count(),
    prisma.assessmentReviewStep.count(),
    prisma.evidenceFile.count(),
    prisma.communePoliceDiscipline.count(),
  ]);
  return { recognitions, recognitionRevisions, assessments, scores, changes, classifications, revisions, outbox, answers, steps, evidence, discipline };
}
