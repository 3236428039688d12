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

/** A page of unit differences (both kinds), in unit code order. */
function unitPage<T extends { code: string; unitId: string }>(rows: readonly T[], first: number | null | undefined, after: string | null | undefined) {
  const page = pageOf(rows, (row) => [row.code, row.unitId], first, after);
  return { totalCount: page.totalCount, endCursor: page.endCursor, hasNextPage: page.hasNextPage, units: page.items };
}

/** The unit fields both kinds of difference carry. */
const unitOfDifference = {
  unit: (row: { unitId: string }) => ({ id: row.unitId }),
  unitCode: (row: { code: string }) => row.code,
};

export const WhatIfResult: WhatIfResultResolvers = {
  safeStandardNowLabel: (result) => outcomeLabel(result.meetsSafeStandardNow),
  safeStandardWhatIfLabel: (result) => outcomeLabel(result.meetsSafeStandardWhatIf),
};

export const WhatIfYearResult: WhatIfYearResultResolvers = {
  differences: (result, { first, after }) => unitPage(result.differences, first, after),
  safeStandardDifferences: (result, { first, after }) => unitPage(result.safeStandardDifferences, first, after),
  communeDifferences: (result, { first, after }) => {
    const page = pageOf(result.communeDifferences, (row) => [row.code, row.communeId], first, after);
    return { totalCount: page.totalCount, endCursor: page.endCursor, hasNextPage: page.hasNextPage, communes: page.items };
  },
};

export const WhatIfUnitDifference: WhatIfUnitDifferenceResolvers = { ...unitOfDifference };

export const WhatIfSafeStandardDifference: WhatIfSafeStandardDifferenceResolvers = {
  ...unitOfDifference,
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
