import { DateScalar } from '@antt/service-kit';
import { type Resolvers } from '../__generated__/resolvers-types';
import { Campaign } from './campaign.resolvers';
import { Mutation } from './mutation.resolvers';
import { CertificateData, Nomination, Nominee, PersonFact, PublishedAward } from './nomination.resolvers';
import { Query } from './query.resolvers';
import { AwardScheme, SchemeForm } from './scheme.resolvers';
import { CommuneTeamRatings, SecurityTeamRating, TeamMemberRating, TeamRatingRound } from './team-rating.resolvers';
import { Unit } from './unit.resolvers';

/** The awards resolver map, one file per type. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Unit,
  Campaign,
  Nomination,
  Nominee,
  PersonFact,
  PublishedAward,
  CertificateData,
  AwardScheme,
  SchemeForm,
  TeamRatingRound,
  SecurityTeamRating,
  TeamMemberRating,
  CommuneTeamRatings,
};
