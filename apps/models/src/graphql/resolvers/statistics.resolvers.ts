import { NATIONAL } from '../../domain/statistics';
import { labelOf } from '../../domain/shared';
import { type ModelChildCountsResolvers, type ModelKindCountsResolvers, type ModelStatisticsResolvers } from '../__generated__/resolvers-types';

export const ModelStatistics: ModelStatisticsResolvers = {
  unit: (statistics) => (statistics.unitId === NATIONAL ? null : { id: statistics.unitId }),
};

export const ModelKindCounts: ModelKindCountsResolvers = {
  kindLabel: (row) => labelOf('UnitKind', row.kind),
};

export const ModelChildCounts: ModelChildCountsResolvers = {
  unit: (row) => ({ id: row.unitId }),
};
