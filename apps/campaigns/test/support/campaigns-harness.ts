import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type SubgraphHarness, startSubgraphHarness } from '@antt/testing';
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
export interface CampaignsHarness extends SubgraphHarness<CampaignsPrisma> {
  /** Projects unit states into the campaigns unit directory, as the consumer would. */
  project(states: readonly UnitState[]): Promise<void>;
}

/** `env` overrides the harness's service variables (e.g. the attainment consumer on isolated topics). */
export async function startHarness(today: string, env: Record<string, string> = {}): Promise<CampaignsHarness> {
  const harness = await startSubgraphHarness({
    databasePrefix: 'cp_h_',
    projectRoot: PROJECT_ROOT,
    today,
    env: {
      DEADLINE_SCHEDULER_INTERVAL_MS: '0',
      ATTAINMENT_CONSUMER_ENABLED: 'false',
      ...env,
    },
    start: async (serviceEnv, clock) => {
      const config = loadCampaignsConfig(serviceEnv);
      const server = await startCampaigns(config, { clock, handleSignals: false });
      return { url: server.url, gatewaySigningKey: config.GATEWAY_SIGNING_KEY, stop: server.stop };
    },
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'CAMPAIGNS_URL',
  });
  const { prisma } = harness;
  return {
    ...harness,
    async project(states) {
      await prisma.$transaction(async (tx) => {
        for (const state of states) await projectUnitState(tx, state);
      });
    },
  };
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
