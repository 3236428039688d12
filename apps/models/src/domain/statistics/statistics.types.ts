/** Counts by the Ministry's method: models by name (a lineage counts once), sites, teams, members, trainings, ratings. */
export interface ModelCounts {
  models: number;
  modelRecords: number;
  sites: number;
  teams: number;
  members: number;
  trainings: number;
  effective: number;
  lessEffective: number;
  ineffective: number;
  notReviewed: number;
  trainingOverdue: number;
}

export interface ModelStatisticsView {
  unitId: string;
  asOf: string;
  year: number;
  totals: ModelCounts;
  byHostKind: Array<{ kind: string; counts: ModelCounts }>;
  byChild: Array<{ unitId: string; code: string; name: string; kind: string; counts: ModelCounts }>;
}
