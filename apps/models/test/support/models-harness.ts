import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, gatewayClient, getTestInfra, type GraphQLClient, startGatewayProcess, subgraphClient, type TestDatabase } from '@antt/testing';
import { projectUnitState, type UnitState } from '@antt/unit-directory';
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
export interface ModelsHarness {
  database: TestDatabase;
  prisma: ModelsPrisma;
  server: RunningServer;
  /** Moves "today" for the subgraph. */
  setToday(date: string): void;
  /** Projects unit states into the models unit directory, as the consumer would. */
  project(states: readonly UnitState[]): Promise<void>;
  request: GraphQLClient;
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

export async function startHarness(today: string): Promise<ModelsHarness> {
  const infra = await getTestInfra();
  const database = await createMigratedTestDatabase('md_h_', PROJECT_ROOT);
  let current = today;
  try {
    const config = loadModelsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
      UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
    });
    const server = await startModels(config, { clock: { today: () => current, now: () => new Date() }, handleSignals: false });
    const prisma = createPrismaClient(database.url, 2);
    const gateway = await startGatewayProcess({ MODELS_URL: server.url });
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
