import { labelOf } from '../../domain/shared';
import { type PledgeCoverageResolvers, type PledgeResolvers } from '../__generated__/resolvers-types';

export const Pledge: PledgeResolvers = {
  unit: (pledge) => ({ id: pledge.unitId }),
  signerKindLabel: (pledge) => labelOf('PledgeSignerKind', pledge.signerKind),
  statusLabel: (pledge) => labelOf('PledgeStatus', pledge.status),
  personalDataAccess: (pledge) => pledge.access,
};

export const PledgeCoverage: PledgeCoverageResolvers = {
  unit: (coverage) => ({ id: coverage.unitId }),
  householdsComplete: (coverage) => coverage.residentHouseholds !== null && coverage.pledgedHouseholds >= coverage.residentHouseholds,
};
