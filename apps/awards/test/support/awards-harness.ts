import path from 'node:path';
import { type Identity } from '@antt/auth';
import { inProcessService, startUnitDirectoryHarness, type UnitDirectoryHarness } from '@antt/testing';
import { startAwards } from '../../src/app';
import { loadAwardsConfig } from '../../src/config';
import { type AwardsPrisma, createPrismaClient } from '../../src/infrastructure/prisma-client';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

/**
 * A migrated test database (prefix aw_h_), the awards subgraph on it with a clock the test moves and its fact store consumer on
 * the test's isolated topics, and the real gateway process in front of it (committed supergraph). The unit directory is fed
 * directly through its projection; facts arrive only as events on the broker.
 */
export type AwardsHarness = UnitDirectoryHarness<AwardsPrisma>;

export async function startHarness(today: string, env: Record<string, string> = {}): Promise<AwardsHarness> {
  return startUnitDirectoryHarness({
    databasePrefix: 'aw_h_',
    projectRoot: PROJECT_ROOT,
    today,
    env: {
      DATABASE_POOL_SIZE: '20',
      FACTS_CONSUMER_ENABLED: 'false',
      ...env,
    },
    start: inProcessService(loadAwardsConfig, startAwards),
    prisma: (url) => createPrismaClient(url, 2),
    gatewayVariable: 'AWARDS_URL',
  });
}

export const as = (subject: string, role: Identity['roles'][number], jurisdictionUnitId: string): Identity => ({ subject, roles: [role], jurisdictionUnitId });

/**
 * `ok(query, variables, caller?)` resolves with the answer's data and fails the test on any error; `refused(…)` expects exactly
 * one error and resolves with its extensions. Both go through the gateway of `harness()` (read when called: specs start it in
 * `beforeAll`) as `caller`, by default `defaultCaller`. Answers are checked field by field, hence untyped.
 */
export function answers(harness: () => AwardsHarness, defaultCaller: Identity) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers are checked field by field
  type Data = any;
  return {
    async ok(query: string, variables: Record<string, unknown>, caller: Identity | null = defaultCaller): Promise<Data> {
      const response = await harness().request<Data>(query, variables, caller);
      expect(response.errors).toBeUndefined();
      return response.data as Data;
    },
    async refused(query: string, variables: Record<string, unknown>, caller: Identity | null = defaultCaller): Promise<Data> {
      const response = await harness().request<Data>(query, variables, caller);
      expect(response.errors).toHaveLength(1);
      return response.errors![0]!.extensions as Data;
    },
  };
}

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
