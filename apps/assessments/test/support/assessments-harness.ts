import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { createMigratedTestDatabase, gatewayClient, getTestInfra, type GraphQLClient, startGatewayProcess, subgraphClient, type TestDatabase } from '@antt/testing';
import { projectUnitState, type UnitState } from '@antt/unit-directory';
import { startAssessments } from '../../src/app';
import { loadAssessmentsConfig } from '../../src/config';
import { type AssessmentsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/**
 * A migrated test database (prefix as_h_), the assessments subgraph on it with a clock the test moves, and the real gateway
 * process in front of it (committed supergraph). The unit directory is fed directly through its projection (the e2e stack
 * covers the Kafka path); org-units is not running, so tests ask only for fields assessments resolves.
 */
export interface AssessmentsHarness {
  database: TestDatabase;
  prisma: AssessmentsPrisma;
  server: RunningServer;
  setToday(date: string): void;
  /** Projects unit states into the assessments unit directory, as the consumer would. */
  project(states: readonly UnitState[]): Promise<void>;
  request: GraphQLClient;
  requestSubgraph: GraphQLClient;
  close(): Promise<void>;
}

export async function startHarness(today: string): Promise<AssessmentsHarness> {
  const infra = await getTestInfra();
  const database = await createMigratedTestDatabase('as_h_', PROJECT_ROOT);
  let current = today;
  try {
    const config = loadAssessmentsConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      OUTBOX_RELAY_ENABLED: 'false',
      UNIT_DIRECTORY_CONSUMER_ENABLED: 'false',
      FACTS_CONSUMER_ENABLED: 'false',
    });
    const server = await startAssessments(config, { clock: { today: () => current, now: () => new Date() }, handleSignals: false });
    const prisma = createPrismaClient(database.url, 2);
    const gateway = await startGatewayProcess({ ASSESSMENTS_URL: server.url });
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
export async function tableCounts(prisma: AssessmentsPrisma) {
  const [recognitions, recognitionRevisions, assessments, scores, changes, classifications, revisions, outbox] = await Promise.all([
    prisma.safeStandardRecognition.count(),
    prisma.recognitionRevision.count(),
    prisma.assessment.count(),
    prisma.assessmentScore.count(),
    prisma.assessmentChange.count(),
    prisma.unitClassification.count(),
    prisma.classificationRevision.count(),
    prisma.outboxEvent.count(),
  ]);
  return { recognitions, recognitionRevisions, assessments, scores, changes, classifications, revisions, outbox };
}
