import { type DirectoryAttributes, projectUnitState, type SqlClient, type UnitState } from '@antt/unit-directory';
import { type SubgraphHarness, type SubgraphHarnessOptions, startSubgraphHarness } from './subgraph-harness';

/** A Prisma client (or anything) that runs a callback in one interactive transaction. */
export interface TransactionalSqlClient {
  $disconnect(): Promise<void>;
  $transaction<R>(work: (tx: SqlClient) => Promise<R>): Promise<R>;
}

/** A harnessed subgraph that keeps a unit directory, fed by the test instead of org-units' events. */
export interface UnitDirectoryHarness<TPrisma> extends SubgraphHarness<TPrisma> {
  /** Projects unit states into the service's unit directory in one transaction, one by one as the consumer would. */
  project(states: readonly UnitState[]): Promise<void>;
}

/**
 * {@link startSubgraphHarness} for a service holding a unit directory (campaigns, models, assessments, awards): the unit
 * directory consumer stays off and the test feeds the directory through `project` (the e2e stack covers the Kafka path).
 */
export async function startUnitDirectoryHarness<TPrisma extends TransactionalSqlClient>(
  options: SubgraphHarnessOptions<TPrisma>,
): Promise<UnitDirectoryHarness<TPrisma>> {
  const harness = await startSubgraphHarness(options);
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

/**
 * A unit of a test tree as org-units would publish it: revision 1, one version from 2019-01-01 (before every date the tests
 * use) with no managing unit, open or closed on `validTo` (then dissolved that day). `attributes` left out: the version
 * carries none (the directory stores `{}`).
 */
export function fixtureUnit(
  unitId: string,
  code: string,
  kind: string,
  name: string,
  parentId: string | null,
  attributes?: DirectoryAttributes,
  validTo: string | null = null,
): UnitState {
  return {
    unitId,
    code,
    kind,
    revision: 1,
    dissolvedOn: validTo,
    timeline: [{ validFrom: '2019-01-01', validTo, name, parentId, managingUnitId: null, ...(attributes === undefined ? {} : { attributes }) }],
  };
}
