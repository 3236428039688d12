import { labelOf } from '../../domain/shared';
import { type RegistrationResolvers, type RegistrationRowResolvers, type RegistrationSummaryResolvers } from '../__generated__/resolvers-types';

export const Registration: RegistrationResolvers = {
  campaign: (registration, _, { caller, campaignQueries }) => campaignQueries.reference(caller, registration.campaignId),
  unit: (registration) => ({ id: registration.unitId }),
  statusLabel: (registration) => labelOf('RegistrationStatus', registration.status),
};

export const RegistrationSummary: RegistrationSummaryResolvers = {
  unit: (summary) => ({ id: summary.unitId }),
  rows: (summary, { states, kinds, first }, { registrationQueries }) => registrationQueries.rows(summary, { states, kinds, first }),
};

export const RegistrationRow: RegistrationRowResolvers = {
  unit: (row) => ({ id: row.unitId }),
  stateLabel: (row) => labelOf('RegistrationState', row.state),
};
