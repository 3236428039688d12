import { labelOf } from '../../domain/shared';
import { type DissolutionDecisionResolvers, type ModelStatusChangeResolvers, type SelfManagementModelResolvers } from '../__generated__/resolvers-types';

export const SelfManagementModel: SelfManagementModelResolvers = {
  __resolveReference: ({ id }, { caller, modelQueries }) => modelQueries.reference(caller, id),
  type: (model, _, { modelQueries }) => modelQueries.type(model),
  hostUnit: (model) => ({ id: model.hostUnitId }),
  statusLabel: (model) => labelOf('ModelStatus', model.status),
  replicatedFrom: (model, _, { caller, modelQueries }) => modelQueries.replicatedFrom(caller, model),
  replicas: (model, _, { caller, modelQueries }) => modelQueries.replicas(caller, model),
  dissolutionDecision: (model) => model.decision,
  history: (model, _, { modelQueries }) => modelQueries.history(model),
  hostHistory: (model, _, { modelQueries }) => modelQueries.hostHistory(model),
  reviews: (model, _, { reviewQueries }) => reviewQueries.reviewsOf(model),
  sites: (model, _, { siteQueries }) => siteQueries.sitesOf(model),
  teams: (model, _, { siteQueries }) => siteQueries.teamsOf(model),
  trainings: (model, _, { trainings }) => trainings.trainingsOf(model),
  lastTrainingOn: (model, { asOf }, { trainings }) => trainings.lastTrainingOn(model, asOf),
  trainingOverdue: (model, { asOf }, { trainings }) => trainings.overdue(model, asOf),
};

export const ModelStatusChange: ModelStatusChangeResolvers = {
  toLabel: (change) => labelOf('ModelStatus', change.to),
};

export const DissolutionDecision: DissolutionDecisionResolvers = {
  decidedBy: (decision) => ({ id: decision.decidedByUnitId }),
};
