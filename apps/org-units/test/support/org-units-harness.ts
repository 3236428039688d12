import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, gatewayClient, getTestInfra, type GraphQLClient, startGatewayProcess, subgraphClient, type TestDatabase } from '@antt/testing';
import { startOrgUnits } from '../../src/app';
import { loadOrgUnitsConfig } from '../../src/config';
import { type Clock } from '../../src/domain/shared/clock';
import { createPrismaClient, type PrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export type { GraphQLResponse } from '@antt/testing';

/**
 * A migrated test database (prefix h5_), the org-units subgraph on it with a fixed clock, and the real gateway process in
 * front of it (committed supergraph, which CI keeps equal to a fresh composition), both on random ports.
 */
export interface OrgUnitsHarness {
  database: TestDatabase;
  prisma: PrismaClient;
  server: RunningServer;
  gateway: { graphqlUrl: string; stop(): Promise<void> };
  /** Sends a GraphQL request to the gateway with a dev token for `caller` (null: no token, anonymous). */
  request: GraphQLClient;
  /** Sends a request straight to the subgraph, signed as the gateway signs it (for `_entities`). */
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

export const fixedClock = (today: string): Clock => ({ today: () => today, now: () => new Date() });

export async function startHarness(today = '2025-09-01'): Promise<OrgUnitsHarness> {
  const infra = await getTestInfra();
  const database = await createMigratedTestDatabase('h5_', PROJECT_ROOT);
  try {
    const config = loadOrgUnitsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
    });
    const server = await startOrgUnits(config, { clock: fixedClock(today), handleSignals: false });
    const prisma = createPrismaClient(database.url, 2);
    const gateway = await startGatewayProcess({ ORG_UNITS_URL: server.url });
    return {
      database,
      prisma,
      server,
      gateway,
      request: gatewayClient(gateway.graphqlUrl),
      requestSubgraph: subgraphClient(server.url, config.GATEWAY_SIGNING_KEY),
      async close() {
        await gateway.stop();
        await server.stop();
        await prisma.$disconnect();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
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
