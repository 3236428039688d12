import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { assertChangeDate, type CommandContext, type ModelPolicy, type ModelRepository, type ModelTransaction, type ModelView, modelErrors } from '../model';
import { type ModelsInput } from '../shared';
import { siteErrors } from './site.errors';
import { SiteStore } from './site.repository';
import { type AddSiteInput, type AddTeamInput, type SiteView, type TeamView } from './site.types';

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
    if (!Number.isInteger(raw.memberCount) || raw.memberCount < 1 || raw.memberCount > 10_000) throw siteErrors.invalidMemberCount(raw.memberCount);
    const members = (raw.members ?? []).map((member, index) => ({
      fullName: this.input.name(member.fullName, `members[${index}].fullName`),
      role: member.role === null || member.role === undefined ? null : this.input.name(member.role, `members[${index}].role`),
    }));
    if (members.length > raw.memberCount) throw siteErrors.membersExceedCount(members.length, raw.memberCount);
    return this.models.transaction(async (tx) => {
      await this.lockEditable(tx, context, identity, modelId, 'formedOn', formedOn);
      const store = new SiteStore(tx.client);
      if (siteId && (await store.site(siteId))?.modelId !== modelId) throw siteErrors.notOfModel(siteId);
      const team: TeamView = { id: randomUUID(), modelId, siteId, name, memberCount: raw.memberCount, formedOn, disbandedOn: null };
      await store.insertTeam(team, members, randomUUID);
      return team;
    });
  }

  /** The model, locked, when the caller sees it and may change what its host runs, on every date from `date` to today. */
  private async lockEditable(tx: ModelTransaction, context: CommandContext, identity: Identity, modelId: string, field: string, date: string): Promise<ModelView> {
    const model = await tx.lock(modelId);
    const today = this.clock.today();
    if (!model || !(await this.policy.canRead(tx.directory, context.caller, model.hostUnitId, [today, model.statusOn]))) throw modelErrors.notFound(modelId, 'modelId');
    if (model.status === 'DISSOLVED') throw modelErrors.invalidTransition(model.id, model.status, 'CHANGED');
    assertChangeDate(field, date, model.foundedOn, today);
    await this.policy.assertCanPlace(tx.directory, identity, model.hostUnitId, date, today, () => modelErrors.notFound(modelId, 'modelId'));
    return model;
  }
}
