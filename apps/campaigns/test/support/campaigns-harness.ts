import path from 'node:path';
import { type Identity } from '@antt/auth';
import { inProcessService, startUnitDirectoryHarness, type UnitDirectoryHarness } from '@antt/testing';
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
export type CampaignsHarness = UnitDirectoryHarness<CampaignsPrisma>;

/** `env` overrides the harness's service variables (e.g. the attainment consumer on isolated topics). */
export async function startHarness(today: string, env: Record<string, string> = {}): Promise<CampaignsHarness> {
  return startUnitDirectoryHarness({
    databasePrefix: 'cp_h_',
    projectRoot: PROJECT_ROOT,
    today,
    env: {
      DEADLINE_SCHEDULER_INTERVAL_MS: '0',
      ATTAINMENT_CONSUMER_ENABLED: 'false',
      ...env,
    },
    start: inProcessService(loadCampaignsConfig, startCampaigns),
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'CAMPAIGNS_URL',
  });
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
