import path from 'node:path';
import { type Identity, signGatewayAssertion } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createTestDatabase, getTestInfra, type TestDatabase } from '@antt/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tests migrate their database with the project's own tool
import { migrateDeploy } from '@antt/prisma-offline';
import { startOrgUnits } from '../../src/app';
import { loadOrgUnitsConfig } from '../../src/config';
import { type Clock } from '../../src/domain/shared/clock';
import { createPrismaClient, type PrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A migrated test database (prefix h5_) and the org-units subgraph on it, on a random port, with a fixed clock. */
export interface OrgUnitsHarness {
  database: TestDatabase;
  prisma: PrismaClient;
  server: RunningServer;
  /** Sends a GraphQL request as the gateway would, signed for `caller` (null: anonymous). */
  request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: Identity | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const fixedClock = (today: string): Clock => ({ today: () => today, now: () => new Date() });

export async function startHarness(today = '2025-09-01'): Promise<OrgUnitsHarness> {
  const infra = await getTestInfra();
  const database = await createTestDatabase('h5_');
  try {
    await migrateDeploy({ projectRoot: PROJECT_ROOT, databaseUrl: database.url });
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
    return {
      database,
      prisma,
      server,
      async request(query, variables, caller) {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-antt-gateway-assertion': await signGatewayAssertion(caller, config.GATEWAY_SIGNING_KEY),
          },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLResponse<never>;
      },
      async close() {
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
