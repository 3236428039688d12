import { type EventContract, ModelSiteClosedV1, ModelTeamDisbandedV1, ModelTeamMembersChangedV1 } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type SiteView, type TeamView } from './site.types';

type Event = NewEvent<EventContract>;

/** `models.model.site-closed.v1` */
export function siteClosed(site: SiteView, hostUnitId: string, reason: string, correlationId: string | undefined): Event {
  return {
    contract: ModelSiteClosedV1,
    aggregateId: site.modelId,
    correlationId,
    data: { modelId: site.modelId, siteId: site.id, hostUnitId, unitId: site.unitId, closedOn: site.closedOn ?? '', reason },
  };
}

/** `models.model.team-disbanded.v1` */
export function teamDisbanded(team: TeamView, hostUnitId: string, reason: string, correlationId: string | undefined): Event {
  return {
    contract: ModelTeamDisbandedV1,
    aggregateId: team.modelId,
    correlationId,
    data: { modelId: team.modelId, teamId: team.id, hostUnitId, disbandedOn: team.disbandedOn ?? '', reason },
  };
}

/** `models.model.team-members-changed.v1`: counts only, never the names (personal data stays here). */
export function teamMembersChanged(
  team: TeamView,
  change: { hostUnitId: string; effectiveOn: string; previousMemberCount: number; namedMembers: number },
  correlationId: string | undefined,
): Event {
  return {
    contract: ModelTeamMembersChangedV1,
    aggregateId: team.modelId,
    correlationId,
    data: {
      modelId: team.modelId,
      teamId: team.id,
      hostUnitId: change.hostUnitId,
      effectiveOn: change.effectiveOn,
      memberCount: team.memberCount,
      previousMemberCount: change.previousMemberCount,
      namedMembers: change.namedMembers,
    },
  };
}
