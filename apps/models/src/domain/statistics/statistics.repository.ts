import { type PrismaClient } from '../../generated/prisma/client';
import { NATIONAL_STATISTICS_SQL, SUBTREE_STATISTICS_SQL } from './statistics.sql';
import { type ModelCounts } from './statistics.types';

interface Row {
  branch_id: string | null;
  host_kind: string | null;
  all_branches: number;
  all_kinds: number;
  models: number;
  model_records: number;
  sites: number;
  teams: number;
  members: number;
  trainings: number;
  effective: number;
  less_effective: number;
  ineffective: number;
  not_reviewed: number;
  training_overdue: number;
}

export const NO_COUNTS: ModelCounts = {
  models: 0,
  modelRecords: 0,
  sites: 0,
  teams: 0,
  members: 0,
  trainings: 0,
  effective: 0,
  lessEffective: 0,
  ineffective: 0,
  notReviewed: 0,
  trainingOverdue: 0,
};

const counts = (row: Row): ModelCounts => ({
  models: row.models,
  modelRecords: row.model_records,
  sites: row.sites,
  teams: row.teams,
  members: row.members,
  trainings: row.trainings,
  effective: row.effective,
  lessEffective: row.less_effective,
  ineffective: row.ineffective,
  notReviewed: row.not_reviewed,
  trainingOverdue: row.training_overdue,
});

/** The statistics statement on the read model (see statistics.sql.ts, ADR 0017), read-only. */
export class StatisticsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async count(rootUnitId: string | null, asOf: string, year: number, trainingSince: string) {
    // The planner's estimates of the grouping sets are far off (millions of rows for 22,500): with JIT on it spent 1.7 s of a
    // 4 s national statement compiling expressions. The statement reads a few ten thousand rows at most: no JIT.
    // random_page_cost 1.1: the working set is in memory, so a province's rows are read through the path's GIN index.
    const [, , rows] = await this.prisma.$transaction([
      this.prisma.$executeRawUnsafe('SET LOCAL jit = off'),
      this.prisma.$executeRawUnsafe('SET LOCAL random_page_cost = 1.1'),
      this.prisma.$queryRawUnsafe<Row[]>(rootUnitId === null ? NATIONAL_STATISTICS_SQL : SUBTREE_STATISTICS_SQL, rootUnitId, asOf, year, trainingSince),
    ]);
    const totals = rows.find((row) => row.all_branches === 1 && row.all_kinds === 1);
    return {
      totals: totals ? counts(totals) : NO_COUNTS,
      byBranch: rows.filter((row) => row.all_branches === 0).map((row) => ({ unitId: row.branch_id ?? '', counts: counts(row) })),
      byHostKind: rows.filter((row) => row.all_kinds === 0).map((row) => ({ kind: row.host_kind ?? '', counts: counts(row) })),
    };
  }
}
