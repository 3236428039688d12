import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock, type DomainError } from '@antt/service-kit';
import { assertChangeDate, type CommandContext, type ModelPolicy, type ModelRepository, type ModelTransaction, type ModelView, modelErrors } from '../model';
import { type ModelsInput } from '../shared';
import { siteErrors } from './site.errors';
import { siteClosed, teamDisbanded, teamMembersChanged } from './site.events';
import { SiteStore } from './site.repository';
import {
  type AddSiteInput,
  type AddTeamInput,
  type CloseSiteInput,
  type DisbandTeamInput,
  type SiteView,
  type TeamMemberView,
  type TeamView,
  type UpdateTeamMembersInput,
} from './site.types';

/**
 * Sites (where a model runs) and teams (who runs it). Each command is one transaction that locks the model and checks that the
 * caller may place things on its host (a unit officer its own unit, a level its subtree) from the date named to today.
 */
export class SiteService {
  constructor(
    private readonly models: ModelRepository,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
  ) {}

  async addSite(context: CommandContext, raw: AddSiteInput): Promise<SiteView> {
    const identity = this.policy.editor(context.caller);
    const modelId = this.input.id(raw.modelId, 'modelId');
    const unitId = this.input.id(raw.unitId, 'unitId');
    const name = this.input.name(raw.name);
    const openedOn = this.input.date(raw.openedOn, 'openedOn');
    return this.models.transaction(async (tx) => {
      const model = await this.lockEditable(tx, context, identity, modelId, 'openedOn', openedOn);
      if (!(await tx.directory.isWithin(unitId, model.hostUnitId, openedOn))) throw siteErrors.outsideHost(unitId, model.hostUnitId, openedOn);
      const site: SiteView = { id: randomUUID(), modelId, unitId, name, openedOn, closedOn: null };
      await new SiteStore(tx.client).insertSite(site);
      return site;
    });
  }

  async addTeam(context: CommandContext, raw: AddTeamInput): Promise<TeamView> {
    const identity = this.policy.editor(context.caller);
    const modelId = this.input.id(raw.modelId, 'modelId');
    const siteId = this.input.optionalId(raw.siteId, 'siteId');
    const name = this.input.name(raw.name);
    const formedOn = this.input.date(raw.formedOn, 'formedOn');
    const members = this.members(raw.members, raw.memberCount) ?? [];
    return this.models.transaction(async (tx) => {
      await this.lockEditable(tx, context, identity, modelId, 'formedOn', formedOn);
      const store = new SiteStore(tx.client);
      if (siteId && (await store.site(siteId))?.modelId !== modelId) throw siteErrors.notOfModel(siteId);
      const team: TeamView = { id: randomUUID(), modelId, siteId, name, memberCount: raw.memberCount, formedOn, disbandedOn: null };
      await store.insertTeam(team, members, randomUUID);
      return team;
    });
  }

  /**
   * Closes a site from `closedOn` (not before it opened, not after today): the caller places things on the host from that date
   * to today. An unknown site and a site of a model outside the jurisdiction are both SITE_NOT_FOUND.
   */
  async closeSite(context: CommandContext, raw: CloseSiteInput): Promise<SiteView> {
    const identity = this.policy.editor(context.caller);
    const siteId = this.input.id(raw.siteId, 'siteId');
    const closedOn = this.input.date(raw.closedOn, 'closedOn');
    const reason = this.input.reason(raw.reason);
    return this.models.transaction(async (tx) => {
      const store = new SiteStore(tx.client);
      const site = await store.site(siteId);
      if (!site) throw siteErrors.siteNotFound(siteId);
      const model = await this.lockEditable(tx, context, identity, site.modelId, 'closedOn', closedOn, () => siteErrors.siteNotFound(siteId));
      if (site.closedOn) throw siteErrors.siteClosed(siteId, site.closedOn);
      if (closedOn < site.openedOn) throw siteErrors.closedBeforeOpening(closedOn, site.openedOn);
      const closed = await store.closeSite(siteId, closedOn, reason, identity.subject);
      await tx.appendEvents([siteClosed(closed, model.hostUnitId, reason, context.correlationId)]);
      return closed;
    });
  }

  /** Disbands a team from `disbandedOn` (not before it was formed, not after today); TEAM_NOT_FOUND as for an unknown team. */
  async disbandTeam(context: CommandContext, raw: DisbandTeamInput): Promise<TeamView> {
    const identity = this.policy.editor(context.caller);
    const teamId = this.input.id(raw.teamId, 'teamId');
    const disbandedOn = this.input.date(raw.disbandedOn, 'disbandedOn');
    const reason = this.input.reason(raw.reason);
    return this.models.transaction(async (tx) => {
      const store = new SiteStore(tx.client);
      const team = await store.team(teamId);
      if (!team) throw siteErrors.teamNotFound(teamId);
      const model = await this.lockEditable(tx, context, identity, team.modelId, 'disbandedOn', disbandedOn, () => siteErrors.teamNotFound(teamId));
      if (team.disbandedOn) throw siteErrors.teamDisbanded(teamId, team.disbandedOn);
      if (disbandedOn < team.formedOn) throw siteErrors.beforeFormed('disbandedOn', disbandedOn, team.formedOn);
      const disbanded = await store.disbandTeam(teamId, disbandedOn, reason, identity.subject);
      await tx.appendEvents([teamDisbanded(disbanded, model.hostUnitId, reason, context.correlationId)]);
      return disbanded;
    });
  }

  /**
   * A team's member count from `effectiveOn` (not before it was formed or its last count change, not after today) and, when
   * given, its named members (personal data: name and role, never more than the count). Without `members` the recorded names
   * stay and must still fit the new count.
   */
  async updateTeamMembers(context: CommandContext, raw: UpdateTeamMembersInput): Promise<TeamView> {
    const identity = this.policy.editor(context.caller);
    const teamId = this.input.id(raw.teamId, 'teamId');
    const effectiveOn = this.input.date(raw.effectiveOn, 'effectiveOn');
    const members = this.members(raw.members, raw.memberCount);
    return this.models.transaction(async (tx) => {
      const store = new SiteStore(tx.client);
      const team = await store.team(teamId);
      if (!team) throw siteErrors.teamNotFound(teamId);
      const model = await this.lockEditable(tx, context, identity, team.modelId, 'effectiveOn', effectiveOn, () => siteErrors.teamNotFound(teamId));
      if (team.disbandedOn) throw siteErrors.teamDisbanded(teamId, team.disbandedOn);
      if (effectiveOn < team.formedOn) throw siteErrors.beforeFormed('effectiveOn', effectiveOn, team.formedOn);
      const lastOn = await store.lastCountChange(teamId);
      if (lastOn && effectiveOn < lastOn) throw siteErrors.beforeLastCount(effectiveOn, lastOn);
      const named = members ? members.length : await store.namedMemberCount(teamId);
      if (named > raw.memberCount) throw siteErrors.membersExceedCount(named, raw.memberCount);
      const changed = await store.changeMembers(team, { effectiveOn, memberCount: raw.memberCount, members, actor: identity.subject }, randomUUID);
      await tx.appendEvents([
        teamMembersChanged(changed, { hostUnitId: model.hostUnitId, effectiveOn, previousMemberCount: team.memberCount, namedMembers: named }, context.correlationId),
      ]);
      return changed;
    });
  }

  /** The member count's bounds and the named members (trimmed, bounded), at most `memberCount` of them; null when not given. */
  private members(raw: UpdateTeamMembersInput['members'], memberCount: number): TeamMemberView[] | null {
    if (!Number.isInteger(memberCount) || memberCount < 1 || memberCount > 10_000) throw siteErrors.invalidMemberCount(memberCount);
    if (raw === null || raw === undefined) return null;
    const members = raw.map((member, index) => ({
      fullName: this.input.name(member.fullName, `members[${index}].fullName`),
      role: member.role === null || member.role === undefined ? null : this.input.name(member.role, `members[${index}].role`),
    }));
    if (members.length > memberCount) throw siteErrors.membersExceedCount(members.length, memberCount);
    return members;
  }

  /**
   * The model, locked, when the caller sees it and may change what its host runs, on every date from `date` to today; else
   * `absent` (the thing named is answered as unknown).
   */
  private async lockEditable(
    tx: ModelTransaction,
    context: CommandContext,
    identity: Identity,
    modelId: string,
    field: string,
    date: string,
    absent: () => DomainError = () => modelErrors.notFound(modelId, 'modelId'),
  ): Promise<ModelView> {
    const model = await tx.lock(modelId);
    const today = this.clock.today();
    if (!model || !(await this.policy.canRead(tx.directory, context.caller, model.hostUnitId, [today, model.statusOn]))) throw absent();
    if (model.status === 'DISSOLVED') throw modelErrors.invalidTransition(model.id, model.status, 'CHANGED');
    assertChangeDate(field, date, model.foundedOn, today);
    await this.policy.assertCanPlace(tx.directory, identity, model.hostUnitId, date, today, absent);
    return model;
  }
}
