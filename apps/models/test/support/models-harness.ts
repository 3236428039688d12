import path from 'node:path';
import { type Identity } from '@antt/auth';
import { inProcessService, startUnitDirectoryHarness, type UnitDirectoryHarness } from '@antt/testing';
import { startModels } from '../../src/app';
import { loadModelsConfig } from '../../src/config';
import { type ModelsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export type { GraphQLResponse } from '@antt/testing';

/**
 * A migrated test database (prefix md_h_), the models subgraph on it with a clock the test moves, and the real gateway
 * process in front of it (committed supergraph). The unit directory is fed directly through its projection (the e2e stack
 * covers the Kafka path); org-units is not running, so tests ask only for fields models resolves.
 */
export type ModelsHarness = UnitDirectoryHarness<ModelsPrisma>;

export async function startHarness(today: string): Promise<ModelsHarness> {
  return startUnitDirectoryHarness({
    databasePrefix: 'md_h_',
    projectRoot: PROJECT_ROOT,
    today,
    start: inProcessService(loadModelsConfig, startModels),
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'MODELS_URL',
  });
}

export const as = (subject: string, role: Identity['roles'][number], jurisdictionUnitId: string): Identity => ({ subject, roles: [role], jurisdictionUnitId });

/** Counts of every table a refused request must leave untouched. */
export async function tableCounts(prisma: ModelsPrisma) {
  const [models, changes, reviews, facts, hostChanges, outbox] = await Promise.all([
    prisma.selfManagementModel.count(),
    prisma.modelStatusChange.count(),
    prisma.modelReview.count(),
    prisma.effectiveModelFact.count(),
    prisma.modelHostChange.count(),
    prisma.outboxEvent.count(),
  ]);
  return { models, changes, reviews, facts, hostChanges, outbox };
}
