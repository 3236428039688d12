import path from 'node:path';
import { type Identity } from '@antt/auth';
import { type SubgraphHarness, startSubgraphHarness } from '@antt/testing';
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
export interface AwardsHarness extends SubgraphHarness<AwardsPrisma> {
  project(states: readonly UnitState[]): Promise<void>;
}

export async function startHarness(today: string, env: Record<string, string> = {}): Promise<AwardsHarness> {
  const harness = await startSubgraphHarness({
    databasePrefix: 'aw_h_',
    projectRoot: PROJECT_ROOT,
    today,
    env: {
      DATABASE_POOL_SIZE: '20',
      FACTS_CONSUMER_ENABLED: 'false',
      ...env,
    },
    start: async (serviceEnv, clock) => {
      const config = loadAwardsConfig(serviceEnv);
      const server = await startAwards(config, { clock, handleSignals: false });
      return { url: server.url, gatewaySigningKey: config.GATEWAY_SIGNING_KEY, stop: server.stop };
    },
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'AWARDS_URL',
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
