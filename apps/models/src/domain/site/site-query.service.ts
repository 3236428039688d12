import { type Caller, readDecision } from '@antt/auth';
import { type ModelView } from '../model';
import { type SiteStore } from './site.repository';
import { type SiteView, type TeamMemberView, type TeamView } from './site.types';

/** Sites and teams of a model the caller already sees; named members only for the roles that work with them. */
export class SiteQueryService {
  constructor(private readonly sites: SiteStore) {}

  sitesOf(model: ModelView): Promise<SiteView[]> {
    return this.sites.sitesOf(model.id);
  }

  teamsOf(model: ModelView): Promise<TeamView[]> {
    return this.sites.teamsOf(model.id);
  }

  /** Named members (personal data): null unless the read policy (TEAM_MEMBERS) allows them to the caller's roles. */
  async membersOf(caller: Caller, team: TeamView): Promise<TeamMemberView[] | null> {
    if (caller === null || readDecision(caller.roles, 'TEAM_MEMBERS') !== 'ALLOW') return null;
    return this.sites.membersOf(team.id);
  }
}
