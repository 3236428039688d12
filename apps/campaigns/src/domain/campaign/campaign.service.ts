import { randomUUID } from 'node:crypto';
import { type Identity, forbidden } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type CampaignInput } from '../shared';
import { campaignClosed, campaignLaunched } from './campaign.events';
import { campaignErrors } from './campaign.errors';
import { type CampaignPolicy } from './campaign.policy';
import { type CampaignRepository, type CampaignTransaction } from './campaign.repository';
import {
  assertPeriod,
  assertStricterDeadline,
  assertStricterTarget,
  assertTransition,
  defaultCalendar,
  defaultTargets,
} from './campaign.rules';
import { type CampaignStatus, type CampaignView, type CreateCampaignInput, type SetDeadlineInput, type SetTargetInput } from './campaign.types';

/** Who asks, and the request's id for the events' correlation. */
export interface CommandContext {
  caller: Identity | null;
  correlationId: string | undefined;
}

/**
 * The campaign commands. Each is ONE transaction that locks the campaign (and its parent), checks the rules and the
 * caller's jurisdiction on the unit directory as of the campaign's dates, writes the state, the audit row and the outbox
 * event. When a rule fails nothing is written.
 */
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly policy: CampaignPolicy,
    private readonly clock: Clock,
    private readonly input: CampaignInput,
  ) {}

  async createCampaign(context: CommandContext, raw: CreateCampaignInput): Promise<CampaignView> {
    const identity = this.policy.manager(context.caller);
    const title = this.input.title(raw.title);
    const legalBases = this.input.legalBases(raw.legalBases);
    const ownerUnitId = this.input.id(raw.ownerUnitId, 'ownerUnitId');
    const scopeUnitId = this.input.optionalId(raw.scopeUnitId, 'scopeUnitId') ?? ownerUnitId;
    const parentCampaignId = this.input.optionalId(raw.parentCampaignId, 'parentCampaignId');
    const periodStart = this.input.date(raw.periodStart, 'periodStart');
    const periodEnd = this.input.date(raw.periodEnd, 'periodEnd');
    assertPeriod(periodStart, periodEnd);
    return this.campaigns.transaction(async (tx) => {
      const directory = tx.directory;
      const owner = await directory.unitAt(ownerUnitId, periodStart);
      if (!owner) throw campaignErrors.unitNotFound(ownerUnitId, 'ownerUnitId', periodStart);
      const reach = { ownerUnitId, scopeUnitId, periodStart, periodEnd };
      await this.policy.assertCanManage(directory, identity, reach, () => campaignErrors.unitNotFound(ownerUnitId, 'ownerUnitId', periodStart));
      const scopeGap = await directory.firstDateOutside(scopeUnitId, ownerUnitId, periodStart, periodEnd);
      if (scopeGap !== null) throw campaignErrors.scopeOutsideOwner(scopeUnitId, scopeGap);

      const id = randomUUID();
      let parent: CampaignView | null = null;
      if (parentCampaignId) {
        parent = await tx.lock(parentCampaignId);
        if (!parent || !(await this.policy.canRead(directory, context.caller, parent, periodStart, 'write'))) throw campaignErrors.notFound(parentCampaignId, 'parentCampaignId');
        if (parent.status !== 'LAUNCHED') throw campaignErrors.parentNotLaunched(parent.id, parent.status);
        if (periodStart < parent.periodStart) throw campaignErrors.periodOutsideParent('periodStart', parent.periodStart, parent.periodEnd);
        if (periodEnd > parent.periodEnd) throw campaignErrors.periodOutsideParent('periodEnd', parent.periodStart, parent.periodEnd);
        const inside = scopeUnitId !== parent.scopeUnitId ? await directory.firstDateOutside(scopeUnitId, parent.scopeUnitId, periodStart, periodEnd) : periodStart;
        if (inside !== null) throw campaignErrors.scopeOutsideParent(scopeUnitId, inside);
        const existing = await tx.childFor(parent.id, scopeUnitId);
        if (existing) throw campaignErrors.exists(existing.id);
      } else if (owner.parentId !== null) {
        throw campaignErrors.parentRequired(ownerUnitId, owner.kind);
      }

      const campaign: CampaignView = {
        id,
        parentCampaignId: parent?.id ?? null,
        rootCampaignId: parent?.rootCampaignId ?? id,
        title,
        legalBases,
        ownerUnitId,
        scopeUnitId,
        periodStart,
        periodEnd,
        status: 'DRAFT',
        revision: 1,
      };
      await tx.insert(campaign);
      await tx.recordStatus(id, null, 'DRAFT', this.audit(identity, null));
      if (parent) {
        // A child starts from its parent's calendar and targets, frozen since the parent's launch.
        await tx.putDeadlines(id, (await tx.deadlines(parent.id)).map((d) => ({ ...d, inherited: true })));
        await tx.putTargets(id, (await tx.targets(parent.id)).map((t) => ({ ...t, inherited: true })));
      } else {
        await tx.putDeadlines(id, defaultCalendar(periodStart).map((d) => ({ ...d, inherited: false })));
        await tx.putTargets(id, defaultTargets(periodStart).map((t) => ({ ...t, inherited: false })));
      }
      return campaign;
    });
  }

  async launchCampaign(context: CommandContext, rawId: string, rawReason: string | null | undefined): Promise<CampaignView> {
    const reason = this.input.optionalReason(rawReason);
    return this.transition(context, rawId, 'LAUNCHED', reason, async (tx, campaign, launchedOn) => {
      if (campaign.parentCampaignId) {
        const parent = await tx.lock(campaign.parentCampaignId, 'share');
        if (parent?.status !== 'LAUNCHED') throw campaignErrors.parentNotLaunched(campaign.parentCampaignId, parent?.status ?? 'MISSING');
      }
      return campaignLaunched(campaign, launchedOn, await tx.deadlines(campaign.id), await tx.targets(campaign.id), context.correlationId);
    });
  }

  async closeCampaign(context: CommandContext, rawId: string, rawReason: string): Promise<CampaignView> {
    const reason = this.input.reason(rawReason);
    return this.transition(context, rawId, 'CLOSED', reason, async (_tx, campaign, closedOn) => campaignClosed(campaign, closedOn, reason, context.correlationId));
  }

  async setDeadline(context: CommandContext, raw: SetDeadlineInput): Promise<CampaignView> {
    const code = this.input.code(raw.code);
    const dueOn = this.input.date(raw.dueOn, 'dueOn');
    const unitKinds = [...new Set(raw.unitKinds ?? [])];
    return this.changeDraft(context, raw.campaignId, async (tx, campaign) => {
      if (dueOn < campaign.periodStart || dueOn > campaign.periodEnd) throw campaignErrors.dateOutsidePeriod('dueOn', dueOn, campaign.periodStart, campaign.periodEnd);
      if (campaign.parentCampaignId) {
        const parentDeadline = (await tx.deadlines(campaign.parentCampaignId)).find((d) => d.code === code);
        assertStricterDeadline(campaign.id, code, dueOn, parentDeadline?.dueOn);
      }
      await tx.putDeadlines(campaign.id, [{ code, dueOn, unitKinds, inherited: false }]);
    });
  }

  async setTarget(context: CommandContext, raw: SetTargetInput): Promise<CampaignView> {
    const code = this.input.code(raw.code);
    if (!Number.isFinite(raw.threshold) || raw.threshold < 0 || raw.threshold > 100) throw campaignErrors.invalidTarget('threshold', 'is a percent, 0 to 100');
    if (raw.unitKinds.length === 0) throw campaignErrors.invalidTarget('unitKinds', 'names at least one kind');
    if (raw.levels.length === 0) throw campaignErrors.invalidTarget('levels', 'names at least one level');
    const target = { code, indicator: raw.indicator, unitKinds: [...new Set(raw.unitKinds)], levels: [...new Set(raw.levels)], comparator: raw.comparator, threshold: raw.threshold };
    return this.changeDraft(context, raw.campaignId, async (tx, campaign) => {
      if (campaign.parentCampaignId) {
        assertStricterTarget(campaign.id, target, (await tx.targets(campaign.parentCampaignId)).find((t) => t.code === code));
      }
      await tx.putTargets(campaign.id, [{ ...target, inherited: false }]);
    });
  }

  private async transition(
    context: CommandContext,
    rawId: string,
    to: CampaignStatus,
    reason: string | null,
    event: (tx: CampaignTransaction, campaign: CampaignView, on: string) => Promise<Parameters<CampaignTransaction['appendEvents']>[0][number]>,
  ): Promise<CampaignView> {
    const identity = this.policy.manager(context.caller);
    const id = this.input.id(rawId, 'id');
    return this.campaigns.transaction(async (tx) => {
      const campaign = await this.lockManaged(tx, context, identity, id);
      assertTransition(campaign.id, campaign.status, to);
      const today = this.clock.today();
      const changed = await tx.changeStatus(campaign, to, this.audit(identity, reason));
      await tx.appendEvents([await event(tx, changed, today)]);
      return changed;
    });
  }

  private async changeDraft(context: CommandContext, rawId: string, change: (tx: CampaignTransaction, campaign: CampaignView) => Promise<void>): Promise<CampaignView> {
    const identity = this.policy.manager(context.caller);
    const id = this.input.id(rawId, 'campaignId');
    return this.campaigns.transaction(async (tx) => {
      const campaign = await this.lockManaged(tx, context, identity, id, 'campaignId');
      if (campaign.status !== 'DRAFT') throw campaignErrors.notDraft(campaign.id, campaign.status);
      await change(tx, campaign);
      return tx.touch(campaign.id);
    });
  }

  /** The campaign, locked, when the caller may see it (else as absent) and manage it (else FORBIDDEN). */
  private async lockManaged(tx: CampaignTransaction, context: CommandContext, identity: Identity, id: string, field = 'id'): Promise<CampaignView> {
    const campaign = await tx.lock(id);
    const viewDate = campaign ? this.viewDate(campaign) : '';
    if (!campaign || !(await this.policy.canRead(tx.directory, context.caller, campaign, viewDate, 'write'))) throw campaignErrors.notFound(id, field);
    // The caller sees the campaign (it takes part in it), so a refusal to run it says so.
    await this.policy.assertCanManage(tx.directory, identity, campaign, () =>
      forbidden('OUTSIDE_JURISDICTION', 'This campaign is run by a level above yours.', { campaignId: id }),
    );
    return campaign;
  }

  private viewDate(campaign: CampaignView): string {
    const today = this.clock.today();
    return today < campaign.periodStart ? campaign.periodStart : today > campaign.periodEnd ? campaign.periodEnd : today;
  }

  private audit(identity: Identity, reason: string | null) {
    return { actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, on: this.clock.today(), reason };
  }
}
