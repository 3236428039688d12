export interface SiteView {
  id: string;
  modelId: string;
  unitId: string;
  name: string;
  openedOn: string;
  closedOn: string | null;
}

export interface TeamMemberView {
  fullName: string;
  role: string | null;
}

export interface TeamView {
  id: string;
  modelId: string;
  siteId: string | null;
  name: string;
  memberCount: number;
  formedOn: string;
  disbandedOn: string | null;
}

export interface CloseSiteInput {
  siteId: string;
  closedOn: string;
  reason: string;
}

export interface DisbandTeamInput {
  teamId: string;
  disbandedOn: string;
  reason: string;
}

export interface UpdateTeamMembersInput {
  teamId: string;
  effectiveOn: string;
  memberCount: number;
  members?: ReadonlyArray<{ fullName: string; role?: string | null }> | null;
}

export interface AddSiteInput {
  modelId: string;
  unitId: string;
  name: string;
  openedOn: string;
}

export interface AddTeamInput {
  modelId: string;
  siteId?: string | null;
  name: string;
  memberCount: number;
  formedOn: string;
  members?: ReadonlyArray<{ fullName: string; role?: string | null }> | null;
}
