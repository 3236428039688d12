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
