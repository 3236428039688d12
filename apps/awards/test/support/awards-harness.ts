import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, gatewayClient, getTestInfra, type GraphQLClient, startGatewayProcess, subgraphClient, type TestDatabase } from '@antt/testing';
import { projectUnitState, type UnitState } from '@antt/unit-directory';
import { startAwards } from '../../src/app';
import { loadAwardsConfig } from '../../src/config';
import { type AwardsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/**
 * A migrated test database (prefix aw_h_), the awards subgraph on it with a clock the test moves and its fact store consumer on
 * the test's isolated topics, and the real gateway process in front of it (committed supergraph). The unit directory is fed
 * directly through its projection; facts arrive only as events on the broker.
 */
export interface AwardsHarness {
  database: TestDatabase;
  prisma: AwardsPrisma;
  server: RunningServer;
  setToday(date: string): void;
  project(states: readonly UnitState[]): Promise<void>;
  request: GraphQLClient;
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

export async function startHarness(today: string, env: Record<string, string> = {}): Promise<AwardsHarness> {
  const infra = await getTestInfra();
  const database = await createMigratedTestDatabase('aw_h_', PROJECT_ROOT);
  let current = today;
  try {
    const config = loadAwardsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '20',
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
      UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
      FACTS_CONSUMER_ENABLED: 'false',
      ...env,
    });
    const server = await startAwards(config, { clock: { today: () => current, now: () => new Date() }, handleSignals: false });
    const prisma = createPrismaClient(database.url, 2);
    const gateway = await startGatewayProcess({ AWARDS_URL: server.url });
    return {
      database,
      prisma,
      server,
      setToday(date) {
        current = date;
      },
      async project(states) {
        await prisma.$transaction(async (tx) => {
          for (const state of states) await projectUnitState(tx, state);
        });
      },
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

export const as = (subject: string, role: Identity['roles'][number], jurisdictionUnitId: string): Identity => ({ subject, roles: [role], jurisdictionUnitId });

/** Counts of every table a refused request must leave untouched. */
export async function tableCounts(prisma: AwardsPrisma) {
  const [nominations, transitions, schemes, quota, outbox] = await Promise.all([
    prisma.nomination.count(),
    prisma.nominationTransition.count(),
    prisma.awardScheme.count(),
    prisma.awardQuotaUse.aggregate({ _sum: { used: true } }),
    prisma.outboxEvent.count(),
  ]);
  return { nominations, transitions, schemes, quotaUsed: quota._sum.used ?? 0, outbox };
}
