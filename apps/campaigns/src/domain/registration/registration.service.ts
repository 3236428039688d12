import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type CampaignPolicy, type CampaignRepository, type CampaignTransaction, type CampaignView, type CommandContext, campaignErrors, deadlineFor } from '../campaign';
import { type CampaignInput, clampDate } from '../shared';
import { registrationSubmitted, registrationWithdrawn } from './registration.events';
import { registrationErrors } from './registration.errors';
import { type RegistrationRepository, isDuplicateRegistration } from './registration.repository';
import { REGISTRATION_DEADLINE, assertMayRegister, isLate } from './registration.rules';
import {
  type RegisterItem,
  type RegisterUnitInput,
  type RegisterUnitsInput,
  type RegistrationView,
  type WithdrawRegistrationInput,
} from './registration.types';

/** Most units one bulk registration takes (a district's communes, a commune's units). */
export const MAX_BULK_REGISTRATIONS = 1000;

/**
 * Registration commands. Each is one transaction: the campaign is locked against a concurrent close, every unit is checked
 * on the unit directory as of the registration's date (inside the caller's jurisdiction, inside the campaign, allowed by R1),
 * then the rows and their outbox events are written, all or nothing.
 */
export class RegistrationService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly registrations: RegistrationRepository,
    private readonly policy: CampaignPolicy,
    private readonly clock: Clock,
    private readonly input: CampaignInput,
  ) {}

  async register(context: CommandContext, raw: RegisterUnitInput): Promise<RegistrationView> {
    const item = { unitId: this.input.id(raw.unitId, 'unitId'), forSafeStandard: raw.forSafeStandard, forClassification: raw.forClassification };
    const written = await this.registerAll(context, raw.campaignId, [item], raw.registeredOn, () => 'unitId');
    return written[0] as RegistrationView;
  }

  async registerMany(context: CommandContext, raw: RegisterUnitsInput): Promise<RegistrationView[]> {
    if (raw.units.length > MAX_BULK_REGISTRATIONS) throw registrationErrors.tooMany(raw.units.length, MAX_BULK_REGISTRATIONS);
    const seen = new Set<string>();
    const items = raw.units.map((unit, index) => {
      const unitId = this.input.id(unit.unitId, `units[${index}].unitId`);
      if (seen.has(unitId)) throw registrationErrors.duplicateUnit(`units[${index}].unitId`, unitId);
      seen.add(unitId);
      return { ...unit, unitId };
    });
    return this.registerAll(context, raw.campaignId, items, raw.registeredOn, (index) => `units[${index}].unitId`);
  }

  async withdraw(context: CommandContext, raw: WithdrawRegistrationInput): Promise<RegistrationView> {
    const identity = this.policy.registrar(context.caller);
    const unitId = this.input.id(raw.unitId, 'unitId');
    const reason = this.input.reason(raw.reason);
    return this.campaigns.transaction(async (tx) => {
      const campaign = await this.lockVisible(tx, context, raw.campaignId);
      const today = this.clock.today();
      const date = clampDate(today, campaign.periodStart, campaign.periodEnd);
      const absent = () => registrationErrors.unitNotFound(unitId, 'unitId', date);
      await this.policy.assertCanRegister(tx.directory, identity, unitId, date, absent);
      const registrations = this.registrations.within(tx.client);
      const existing = await registrations.lockInFamily(campaign.rootCampaignId, unitId);
      if (!existing || existing.status !== 'SUBMITTED') throw registrationErrors.notFound(unitId);
      const deadline = deadlineFor(await tx.deadlines(existing.campaignId), REGISTRATION_DEADLINE, existing.unitKind)?.dueOn;
      if (deadline !== undefined && today > deadline) throw registrationErrors.deadlinePassed(unitId, deadline);
      const withdrawn: RegistrationView = { ...existing, status: 'WITHDRAWN', withdrawnOn: today, withdrawReason: reason };
      await registrations.withdraw(withdrawn, identity.subject);
      await tx.appendEvents([registrationWithdrawn(withdrawn, context.correlationId)]);
      return withdrawn;
    });
  }

  private async registerAll(
    context: CommandContext,
    rawCampaignId: string,
    items: readonly RegisterItem[],
    rawRegisteredOn: string | null | undefined,
    fieldOf: (index: number) => string,
  ): Promise<RegistrationView[]> {
    const identity = this.policy.registrar(context.caller);
    const registeredOnInput = this.input.optionalDate(rawRegisteredOn, 'registeredOn');
    try {
      return await this.campaigns.transaction(async (tx) => {
        const campaign = await this.lockVisible(tx, context, rawCampaignId);
        if (campaign.status !== 'LAUNCHED') throw registrationErrors.campaignNotLaunched(campaign.id, campaign.status);
        const today = this.clock.today();
        const registeredOn = registeredOnInput ?? today;
        if (registeredOn < campaign.periodStart || registeredOn > campaign.periodEnd) {
          throw registrationErrors.dateOutsidePeriod(registeredOn, campaign.periodStart, campaign.periodEnd);
        }
        if (registeredOn > today) throw registrationErrors.dateInFuture(registeredOn, today);
        const deadlines = await tx.deadlines(campaign.id);
        const registrations = this.registrations.within(tx.client);
        const written: RegistrationView[] = [];
        for (const [index, item] of items.entries()) {
          written.push(await this.registerOne(tx, registrations, identity, campaign, item, registeredOn, deadlines, fieldOf(index)));
        }
        await tx.appendEvents(written.map((registration) => registrationSubmitted(registration, context.correlationId)));
        return written;
      });
    } catch (error) {
      if (isDuplicateRegistration(error)) throw registrationErrors.exists(items.length === 1 ? (items[0]?.unitId ?? '') : '', items.length === 1 ? fieldOf(0) : 'units', rawCampaignId);
      throw error;
    }
  }

  private async registerOne(
    tx: CampaignTransaction,
    registrations: RegistrationRepository,
    identity: Identity,
    campaign: CampaignView,
    item: RegisterItem,
    registeredOn: string,
    deadlines: Awaited<ReturnType<CampaignTransaction['deadlines']>>,
    field: string,
  ): Promise<RegistrationView> {
    const directory = tx.directory;
    const absent = () => registrationErrors.unitNotFound(item.unitId, field, registeredOn);
    const unit = await directory.unitAt(item.unitId, registeredOn);
    if (!unit) throw absent();
    await this.policy.assertCanRegister(directory, identity, item.unitId, registeredOn, absent);
    if (!(await directory.isWithin(item.unitId, campaign.scopeUnitId, registeredOn))) {
      throw registrationErrors.unitOutsideCampaign(item.unitId, field, registeredOn);
    }
    assertMayRegister(unit, item, field);
    const existing = await registrations.lockInFamily(campaign.rootCampaignId, item.unitId);
    if (existing?.status === 'SUBMITTED') throw registrationErrors.exists(item.unitId, field, existing.campaignId);
    const registration: RegistrationView = {
      id: existing?.id ?? randomUUID(),
      campaignId: campaign.id,
      rootCampaignId: campaign.rootCampaignId,
      unitId: item.unitId,
      unitKind: unit.kind as RegistrationView['unitKind'],
      forSafeStandard: item.forSafeStandard,
      forClassification: item.forClassification,
      registeredOn,
      late: isLate(registeredOn, deadlineFor(deadlines, REGISTRATION_DEADLINE, unit.kind)?.dueOn),
      status: 'SUBMITTED',
      submittedByUnitId: identity.jurisdictionUnitId,
      withdrawnOn: null,
      withdrawReason: null,
    };
    if (existing) await registrations.resubmit(registration, identity.subject);
    else await registrations.insert(registration, identity.subject);
    return registration;
  }

  /** The campaign, locked against a concurrent status change, when the caller may see it; else answered as absent. */
  private async lockVisible(tx: CampaignTransaction, context: CommandContext, rawCampaignId: string): Promise<CampaignView> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const campaign = await tx.lock(campaignId, 'share');
    const viewDate = campaign ? clampDate(this.clock.today(), campaign.periodStart, campaign.periodEnd) : '';
    if (!campaign || !(await this.policy.canRead(tx.directory, context.caller, campaign, viewDate))) throw campaignErrors.notFound(campaignId, 'campaignId');
    return campaign;
  }
}
