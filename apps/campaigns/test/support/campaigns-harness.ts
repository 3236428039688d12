import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, gatewayClient, getTestInfra, type GraphQLClient, startGatewayProcess, subgraphClient, type TestDatabase } from '@antt/testing';
import { projectUnitState, type UnitState } from '@antt/unit-directory';
import { startCampaigns } from '../../src/app';
import { loadCampaignsConfig } from '../../src/config';
import { type CampaignsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export type { GraphQLResponse } from '@antt/testing';

/**
 * A migrated test database (prefix cp_h_), the campaigns subgraph on it with a clock the test moves, and the real gateway
 * process in front of it (committed supergraph). The unit directory is fed directly through its projection (the e2e stack
 * covers the Kafka path); org-units is not running, so tests ask only for fields campaigns resolves.
 */
export interface CampaignsHarness {
  database: TestDatabase;
  prisma: CampaignsPrisma;
  server: RunningServer;
  /** Moves "today" for the subgraph. */
  setToday(date: string): void;
  /** Projects unit states into the campaigns unit directory, as the consumer would. */
  project(states: readonly UnitState[]): Promise<void>;
  request: GraphQLClient;
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

/** `env` overrides the harness's service variables (e.g. the attainment consumer on isolated topics). */
export async function startHarness(today: string, env: Record<string, string> = {}): Promise<CampaignsHarness> {
  const infra = await getTestInfra();
  const database = await createMigratedTestDatabase('cp_h_', PROJECT_ROOT);
  let current = today;
  try {
    const config = loadCampaignsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
      UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
      DEADLINE_SCHEDULER_INTERVAL_MS: '0',
      ATTAINMENT_CONSUMER_ENABLED: 'false',
      ...env,
    });
    const server = await startCampaigns(config, { clock: { today: () => current, now: () => new Date() }, handleSignals: false });
    const prisma = createPrismaClient(database.url, 2);
    const gateway = await startGatewayProcess({ CAMPAIGNS_URL: server.url });
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
export async function tableCounts(prisma: CampaignsPrisma) {
  const [campaigns, changes, deadlines, targets, registrations, outbox] = await Promise.all([
    prisma.campaign.count(),
    prisma.campaignStatusChange.count(),
    prisma.campaignDeadline.count(),
    prisma.campaignTarget.count(),
    prisma.registration.count(),
    prisma.outboxEvent.count(),
  ]);
  return { campaigns, changes, deadlines, targets, registrations, outbox };
}
