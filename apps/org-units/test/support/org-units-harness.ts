import path from 'node:path';
import { type Identity } from '@antt/auth';
import { inProcessService, startSubgraphHarness, type SubgraphHarness } from '@antt/testing';
import { startOrgUnits } from '../../src/app';
import { loadOrgUnitsConfig } from '../../src/config';
import { createPrismaClient, type PrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export type { GraphQLResponse } from '@antt/testing';

/**
 * A migrated test database (prefix h5_), the org-units subgraph on it with a clock at `today`, and the real gateway process in
 * front of it (committed supergraph, which CI keeps equal to a fresh composition), both on random ports. `request` sends a
 * GraphQL request to the gateway with a dev token for `caller` (null: anonymous); `requestSubgraph` goes straight to the
 * subgraph, signed as the gateway signs it (for `_entities`).
 */
export type OrgUnitsHarness = SubgraphHarness<PrismaClient>;

export async function startHarness(today = '2025-09-01'): Promise<OrgUnitsHarness> {
  return startSubgraphHarness({
    databasePrefix: 'h5_',
    projectRoot: PROJECT_ROOT,
    today,
    start: inProcessService(loadOrgUnitsConfig, startOrgUnits),
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'ORG_UNITS_URL',
  });
}

export const systemAdmin: Identity = { subject: 'admin@test', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: '00000000-0000-4000-8000-000000000000' };

export function orgAdmin(jurisdictionUnitId: string): Identity {
  return { subject: `org-admin@${jurisdictionUnitId}`, roles: ['ORG_ADMIN'], jurisdictionUnitId };
}

export function officer(jurisdictionUnitId: string): Identity {
  return { subject: `officer@${jurisdictionUnitId}`, roles: ['LEVEL_OFFICER'], jurisdictionUnitId };
}

/** Counts of every table a failed request must leave untouched. */
export async function tableCounts(prisma: PrismaClient) {
  const [units, versions, lineage, changes, outbox] = await Promise.all([
    prisma.unit.count(),
    prisma.unitVersion.count(),
    prisma.unitLineage.count(),
    prisma.unitChange.count(),
    prisma.outboxEvent.count(),
  ]);
  return { units, versions, lineage, changes, outbox };
}
