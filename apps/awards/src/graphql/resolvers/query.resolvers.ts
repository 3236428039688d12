import { allLabels } from '../../domain/shared';
import { type QueryResolvers } from '../__generated__/resolvers-types';

export const Query: QueryResolvers = {
  awardLabels: () => allLabels(),
  awardForms: (_, { on }, { catalogue, today }) => catalogue.formsOn(on ?? today()),
  awardScheme: (_, { campaignId }, { caller, schemes }) => schemes.latest(caller, campaignId),
  nomination: (_, { id }, { caller, nominations }) => nominations.get(caller, id),
  nominations: (_, { campaignId, status }, { caller, nominations }) => nominations.list(caller, campaignId, status),
  publishedAwards: (_, { campaignId }, { caller, nominations }) => nominations.published(caller, campaignId),
  certificate: (_, { id }, { caller, nominations }) => nominations.certificate(caller, id),
  eligibilityReport: (_, { campaignId, status }, { caller, nominations }) => nominations.eligibilityReport(caller, campaignId, status),
  teamRatings: (_, { year, communeId, version }, { caller, teamRatings }) => teamRatings.ofCommune(caller, year, communeId, version),
  teamRatingVersions: (_, { year, communeId }, { caller, teamRatings }) => teamRatings.versions(caller, year, communeId),
  teamRatingsSummary: (_, { year, unitId, first }, { caller, teamRatings }) => teamRatings.summary(caller, year, unitId, first),
};
