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

  async team(id: string): Promise<TeamView | null> {
    const row = await this.db.modelTeam.findUnique({ where: { id } });
    return row ? teamFromRow(row) : null;
  }

  async closeSite(id: string, closedOn: string, reason: string, actor: string): Promise<SiteView> {
    return siteFromRow(await this.db.modelSite.update({ where: { id }, data: { closedOn: toDbDate(closedOn), closedReason: reason, closedBy: actor } }));
  }

  async disbandTeam(id: string, disbandedOn: string, reason: string, actor: string): Promise<TeamView> {
    return teamFromRow(await this.db.modelTeam.update({ where: { id }, data: { disbandedOn: toDbDate(disbandedOn), disbandedReason: reason, disbandedBy: actor } }));
  }

  /** The date of the team's last recorded count change, or null when its count was never changed. */
  async lastCountChange(teamId: string): Promise<string | null> {
    const row = await this.db.modelTeamCountChange.findFirst({ where: { teamId }, orderBy: { effectiveOn: 'desc' } });
    return row ? fromDbDate(row.effectiveOn) : null;
  }

  async namedMemberCount(teamId: string): Promise<number> {
    return this.db.modelTeamMember.count({ where: { teamId } });
  }

  /**
   * The team counts `memberCount` from `effectiveOn` (the first change also records the count it was formed with, from its
   * formation), and, when `members` is given, its named members are replaced by them.
   */
  async changeMembers(
    team: TeamView,
    change: { effectiveOn: string; memberCount: number; members: readonly TeamMemberView[] | null; actor: string },
    newId: () => string,
  ): Promise<TeamView> {
    if ((await this.lastCountChange(team.id)) === null && change.effectiveOn !== team.formedOn) {
      await this.db.modelTeamCountChange.create({ data: { teamId: team.id, effectiveOn: toDbDate(team.formedOn), memberCount: team.memberCount, actor: change.actor } });
    }
    await this.db.modelTeamCountChange.upsert({
      where: { teamId_effectiveOn: { teamId: team.id, effectiveOn: toDbDate(change.effectiveOn) } },
      create: { teamId: team.id, effectiveOn: toDbDate(change.effectiveOn), memberCount: change.memberCount, actor: change.actor },
      update: { memberCount: change.memberCount, actor: change.actor, at: new Date() },
    });
    if (change.members) {
      await this.db.modelTeamMember.deleteMany({ where: { teamId: team.id } });
      await this.db.modelTeamMember.createMany({ data: change.members.map((member) => ({ id: newId(), teamId: team.id, fullName: member.fullName, role: member.role })) });
    }
    return teamFromRow(await this.db.modelTeam.update({ where: { id: team.id }, data: { memberCount: change.memberCount } }));
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
