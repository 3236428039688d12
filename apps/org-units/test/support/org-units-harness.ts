import path from 'node:path';
import { DEV_JWT_HS256_SECRET, type Identity, mintDevToken, signGatewayAssertion } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, getTestInfra, startGatewayProcess, type TestDatabase } from '@antt/testing';
import { startOrgUnits } from '../../src/app';
import { loadOrgUnitsConfig } from '../../src/config';
import { type Clock } from '../../src/domain/shared/clock';
import { createPrismaClient, type PrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

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
  request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: Identity | null): Promise<GraphQLResponse<T>>;
  /** Sends a request straight to the subgraph, signed as the gateway signs it (for `_entities`). */
  requestSubgraph<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: Identity | null): Promise<GraphQLResponse<T>>;
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
      async request(query, variables, caller) {
        const authorization = caller
          ? { authorization: `Bearer ${await mintDevToken({ subject: caller.subject, roles: caller.roles, unitId: caller.jurisdictionUnitId, secret: DEV_JWT_HS256_SECRET })}` }
          : {};
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...authorization },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLResponse<never>;
      },
      async requestSubgraph(query, variables, caller) {
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
