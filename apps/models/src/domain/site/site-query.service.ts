import { type Caller, hasRole } from '@antt/auth';
import { MEMBER_READER_ROLES, type ModelView } from '../model';
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

  /** Named members (personal data): null for a caller whose role does not work with them (appraisers, external readers). */
  async membersOf(caller: Caller, team: TeamView): Promise<TeamMemberView[] | null> {
    if (!hasRole(caller, MEMBER_READER_ROLES)) return null;
    return this.sites.membersOf(team.id);
  }
}
