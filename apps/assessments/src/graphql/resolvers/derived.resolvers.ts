import { INCIDENT_TYPE_LABELS } from '../../domain/incident';
import { type CommuneSafetyRuleResolvers, type SecurityIncidentResolvers } from '../__generated__/resolvers-types';

export const CommuneSafetyRule: CommuneSafetyRuleResolvers = {
  notRegistered: (rule) => rule.notRegisteredIds.map((id) => ({ id })),
  notRecognised: (rule) => rule.notRecognisedIds.map((id) => ({ id })),
};

export const SecurityIncident: SecurityIncidentResolvers = {
  unit: (incident) => ({ id: incident.unitId }),
  typeLabel: (incident) => INCIDENT_TYPE_LABELS[incident.type],
};
