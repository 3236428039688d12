import { pageOf } from '../../domain/what-if';
import { type ClassCountsResolvers, type WhatIfCommuneDifferenceResolvers, type WhatIfUnitDifferenceResolvers, type WhatIfYearResultResolvers } from '../__generated__/resolvers-types';

export const WhatIfYearResult: WhatIfYearResultResolvers = {
  differences: (result, { first, after }) => {
    const page = pageOf(result.differences, (row) => [row.code, row.unitId], first, after);
    return { totalCount: page.totalCount, endCursor: page.endCursor, hasNextPage: page.hasNextPage, units: page.items };
  },
  communeDifferences: (result, { first, after }) => {
    const page = pageOf(result.communeDifferences, (row) => [row.code, row.communeId], first, after);
    return { totalCount: page.totalCount, endCursor: page.endCursor, hasNextPage: page.hasNextPage, communes: page.items };
  },
};

export const WhatIfUnitDifference: WhatIfUnitDifferenceResolvers = {
  unit: (row) => ({ id: row.unitId }),
  unitCode: (row) => row.code,
};

export const WhatIfCommuneDifference: WhatIfCommuneDifferenceResolvers = {
  commune: (row) => ({ id: row.communeId }),
  communeCode: (row) => row.code,
};

export const ClassCounts: ClassCountsResolvers = {
  excellent: (counts) => counts.EXCELLENT,
  good: (counts) => counts.GOOD,
  average: (counts) => counts.AVERAGE,
  weak: (counts) => counts.WEAK,
};
