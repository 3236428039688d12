import { randomUUID } from 'node:crypto';
import { type Identity } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type DirectoryEntry } from '@antt/unit-directory';
import { type CampaignPolicy, type CampaignRepository, type CampaignTransaction, type CampaignView, type CommandContext, campaignErrors, deadlineFor, scopePartsOn, scopeSubtreeOn } from '../campaign';
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
        const written = await this.registerUnits(tx, identity, campaign, items, registeredOn, deadlines, fieldOf);
        await tx.appendEvents(written.map((registration) => registrationSubmitted(registration, context.correlationId)));
        return written;
      });
    } catch (error) {
      if (isDuplicateRegistration(error)) throw registrationErrors.exists(items.length === 1 ? (items[0]?.unitId ?? '') : '', items.length === 1 ? fieldOf(0) : 'units', rawCampaignId);
      throw error;
    }
  }

  /**
   * Checks and writes every item; the units of the caller's jurisdiction and of the campaign are read once for the whole
   * command, and the existing registrations locked in one statement, so that a bulk of 1,000 costs a handful of queries.
   */
  private async registerUnits(
    tx: CampaignTransaction,
    identity: Identity,
    campaign: CampaignView,
    items: readonly RegisterItem[],
    registeredOn: string,
    deadlines: Awaited<ReturnType<CampaignTransaction['deadlines']>>,
    fieldOf: (index: number) => string,
  ): Promise<RegistrationView[]> {
    const directory = tx.directory;
    const registrable = await this.policy.registrableUnits(directory, identity, registeredOn);
    const inCampaign = await scopeSubtreeOn(directory, await scopePartsOn(directory, campaign, registeredOn), registeredOn);
    const units = new Map<string, DirectoryEntry>();
    for (const [index, item] of items.entries()) {
      const field = fieldOf(index);
      const absent = () => registrationErrors.unitNotFound(item.unitId, field, registeredOn);
      const unit = inCampaign.get(item.unitId) ?? registrable?.get(item.unitId) ?? (await directory.unitAt(item.unitId, registeredOn));
      if (!unit) throw absent();
      this.policy.assertRegistrable(identity, registrable, item.unitId, absent);
      if (!inCampaign.has(item.unitId)) throw registrationErrors.unitOutsideCampaign(item.unitId, field, registeredOn);
      assertMayRegister(unit, item, field);
      units.set(item.unitId, unit);
    }
    const registrations = this.registrations.within(tx.client);
    const existing = await registrations.lockManyInFamily(campaign.rootCampaignId, items.map((item) => item.unitId));
    const written: RegistrationView[] = [];
    const resubmitted: RegistrationView[] = [];
    for (const [index, item] of items.entries()) {
      const unit = units.get(item.unitId) as DirectoryEntry;
      const previous = existing.get(item.unitId);
      if (previous?.status === 'SUBMITTED') throw registrationErrors.exists(item.unitId, fieldOf(index), previous.campaignId);
      const registration: RegistrationView = {
        id: previous?.id ?? randomUUID(),
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
      written.push(registration);
      if (previous) resubmitted.push(registration);
    }
    await registrations.insertMany(written.filter((registration) => !resubmitted.includes(registration)), identity.subject);
    for (const registration of resubmitted) await registrations.resubmit(registration, identity.subject);
    return written;
  }

  /** The campaign, locked against a concurrent status change, when the caller may see it; else answered as absent. */
  private async lockVisible(tx: CampaignTransaction, context: CommandContext, rawCampaignId: string): Promise<CampaignView> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const campaign = await tx.lock(campaignId, 'share');
    const viewDate = campaign ? clampDate(this.clock.today(), campaign.periodStart, campaign.periodEnd) : '';
    if (!campaign || !(await this.policy.canRead(tx.directory, context.caller, campaign, viewDate, 'write'))) throw campaignErrors.notFound(campaignId, 'campaignId');
    return campaign;
  }
}
