import { dossierGaps } from '../../domain/nomination';
import { type NominationResolvers } from '../__generated__/resolvers-types';

export const Nomination: NominationResolvers = {
  unit: (nomination) => ({ id: nomination.unitId }),
  dossier: (nomination) => ({ ...nomination.dossier, complete: dossierGaps(nomination.dossier).length === 0 }),
  history: (nomination, _, { nominations }) => nominations.history(nomination.id),
};
