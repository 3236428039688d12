import { labelOf } from '../../domain/shared';
import { type CommuneTeamRatingsResolvers, type SecurityTeamRatingResolvers, type TeamMemberRatingResolvers, type TeamRatingRoundResolvers } from '../__generated__/resolvers-types';

export const TeamRatingRound: TeamRatingRoundResolvers = {
  commune: (round) => ({ id: round.communeId }),
};

export const SecurityTeamRating: SecurityTeamRatingResolvers = {
  team: (team) => ({ id: team.teamUnitId }),
  ratingLabel: (team) => (team.rating ? labelOf('TeamRatingLevel', team.rating) : null),
};

export const TeamMemberRating: TeamMemberRatingResolvers = {
  member: (member, _, { caller, teamRatings }) => teamRatings.memberOf(caller, member),
  positionLabel: (member) => labelOf('TeamPosition', member.position),
  ratingLabel: (member) => (member.rating ? labelOf('TeamRatingLevel', member.rating) : null),
};

export const CommuneTeamRatings: CommuneTeamRatingsResolvers = {
  commune: (row) => ({ id: row.communeId }),
  recorded: (row) => row.version !== null,
};
