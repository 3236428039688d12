import { RECOGNITION_OUTCOME_LABELS } from '../../domain/criteria';
import { pageOf } from '../../domain/what-if';
import {
  type ClassCountsResolvers,
  type WhatIfCommuneDifferenceResolvers,
  type WhatIfResultResolvers,
  type WhatIfSafeStandardDifferenceResolvers,
  type WhatIfUnitDifferenceResolvers,
  type WhatIfYearResultResolvers,
} from '../__generated__/resolvers-types';

const outcomeLabel = (meets: boolean) => RECOGNITION_OUTCOME_LABELS[meets ? 'ACHIEVED' : 'NOT_ACHIEVED'];

export const WhatIfResult: WhatIfResultResolvers = {
  safeStandardNowLabel: (result) => outcomeLabel(result.meetsSafeStandardNow),
  safeStandardWhatIfLabel: (result) => outcomeLabel(result.meetsSafeStandardWhatIf),
};

export const WhatIfYearResult: WhatIfYearResultResolvers = {
  differences: (result, { first, after }) => {
    const page = pageOf(result.differences, (row) => [row.code, row.unitId], first, after);
    return { totalCount: page.totalCount, endCursor: page.endCursor, hasNextPage: page.hasNextPage, units: page.items };
  },
  safeStandardDifferences: (result, { first, after }) => {
    const page = pageOf(result.safeStandardDifferences, (row) => [row.code, row.unitId], first, after);
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

export const WhatIfSafeStandardDifference: WhatIfSafeStandardDifferenceResolvers = {
  unit: (row) => ({ id: row.unitId }),
  unitCode: (row) => row.code,
  safeStandardNowLabel: (row) => outcomeLabel(row.meetsSafeStandardNow),
  safeStandardWhatIfLabel: (row) => outcomeLabel(row.meetsSafeStandardWhatIf),
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
