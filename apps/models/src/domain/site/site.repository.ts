import { type Prisma, type PrismaClient } from '../../generated/prisma/client';
import { fromDbDate, toDbDate } from '../shared';
import { type SiteView, type TeamMemberView, type TeamView } from './site.types';

type Db = PrismaClient | Prisma.TransactionClient;

const siteFromRow = (row: Prisma.ModelSiteGetPayload<object>): SiteView => ({
  id: row.id,
  modelId: row.modelId,
  unitId: row.unitId,
  name: row.name,
  openedOn: fromDbDate(row.openedOn),
  closedOn: row.closedOn ? fromDbDate(row.closedOn) : null,
});

const teamFromRow = (row: Prisma.ModelTeamGetPayload<object>): TeamView => ({
  id: row.id,
  modelId: row.modelId,
  siteId: row.siteId,
  name: row.name,
  memberCount: row.memberCount,
  formedOn: fromDbDate(row.formedOn),
  disbandedOn: row.disbandedOn ? fromDbDate(row.disbandedOn) : null,
});

/** Sites, teams and named members, on the client or transaction it is given. */
export class SiteStore {
  constructor(private readonly db: Db) {}

  async sitesOf(modelId: string): Promise<SiteView[]> {
    return (await this.db.modelSite.findMany({ where: { modelId }, orderBy: [{ openedOn: 'asc' }, { id: 'asc' }] })).map(siteFromRow);
  }

  async teamsOf(modelId: string): Promise<TeamView[]> {
    return (await this.db.modelTeam.findMany({ where: { modelId }, orderBy: [{ formedOn: 'asc' }, { id: 'asc' }] })).map(teamFromRow);
  }

  async membersOf(teamId: string): Promise<TeamMemberView[]> {
    return this.db.modelTeamMember.findMany({ where: { teamId }, orderBy: { fullName: 'asc' }, select: { fullName: true, role: true } });
  }

  async site(id: string): Promise<SiteView | null> {
    const row = await this.db.modelSite.findUnique({ where: { id } });
    return row ? siteFromRow(row) : null;
  }

  async insertSite(site: SiteView): Promise<void> {
    await this.db.modelSite.create({
      data: { id: site.id, modelId: site.modelId, unitId: site.unitId, name: site.name, openedOn: toDbDate(site.openedOn), closedOn: site.closedOn ? toDbDate(site.closedOn) : null },
    });
  }

  async insertTeam(team: TeamView, members: readonly TeamMemberView[], newId: () => string): Promise<void> {
    await this.db.modelTeam.create({
      data: {
        id: team.id,
        modelId: team.modelId,
        siteId: team.siteId,
        name: team.name,
        memberCount: team.memberCount,
        formedOn: toDbDate(team.formedOn),
        members: { create: members.map((member) => ({ id: newId(), fullName: member.fullName, role: member.role })) },
      },
    });
  }
}
