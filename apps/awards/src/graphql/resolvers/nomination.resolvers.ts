import { dossierGaps } from '../../domain/nomination';
import { labelOf } from '../../domain/shared';
import { type CertificateDataResolvers, type NominationResolvers, type NomineeResolvers, type PersonFactResolvers, type PublishedAwardResolvers } from '../__generated__/resolvers-types';

export const Nomination: NominationResolvers = {
  unit: (nomination) => ({ id: nomination.unitId }),
  nominee: (nomination, _, { caller, nominations }) => nominations.nomineeOf(caller, nomination),
  subjectAwards: (nomination, _, { caller, nominations }) => nominations.subjectAwards(caller, nomination),
  personFacts: (nomination, _, { personFacts }) => (nomination.recipientKind === 'INDIVIDUAL' ? personFacts.ofSubject(nomination.subjectKey) : []),
  statusLabel: (nomination) => labelOf('NominationStatus', nomination.status),
  dossier: (nomination) => ({ ...nomination.dossier, complete: dossierGaps(nomination.dossier).length === 0 }),
  history: (nomination, _, { nominations }) => nominations.history(nomination.id),
};

export const PublishedAward: PublishedAwardResolvers = {
  unit: (award) => ({ id: award.unitId }),
};

export const CertificateData: CertificateDataResolvers = {
  recipient: (certificate) => ({ id: certificate.recipientUnitId }),
};

export const Nominee: NomineeResolvers = {
  accessLabel: (nominee) => labelOf('PersonalDataAccess', nominee.access),
};

export const PersonFact: PersonFactResolvers = {
  kindLabel: (fact) => labelOf('PersonFactKind', fact.kind),
  history: (fact, _, { personFacts }) => personFacts.history(fact.id),
};
