import { randomUUID } from 'node:crypto';
import { type Caller, type Identity, requireCaller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { UnitDirectory } from '@antt/unit-directory';
import { type PrismaClient } from '../../generated/prisma/client';
import { Catalogue } from '../catalogue';
import { type CampaignFactView, FactStore } from '../facts';
import { type NomineeProtection, type NomineeView } from '../nominee';
import { type EligibilityResult, type SchemeView, dependenciesOf, evaluate, loadScheme, rulesFor } from '../scheme';
import { type AwardsInput, type AwardsPolicy, awardErrors } from '../shared';
import { nominationEvents } from './nomination.events';
import { type Audit, type NominationRepository, type NominationTransaction } from './nomination.repository';
import {
  type AwardSummaryView,
  type CertificateView,
  type CommandContext,
  type CreateNominationInput,
  type DecideInput,
  type DossierInput,
  type DossierView,
  type NominationStatus,
  type NominationView,
  type PublishedAwardView,
  type RevokeInput,
  type StoredEligibility,
  type TransitionView,
  OPEN_STATUSES,
  dossierGaps,
} from './nomination.types';

const MAX_EVIDENCE = 50;

/**
 * Nominations of collectives, households and persons through DRAFT → SUBMITTED → RECEIVED → APPRAISED → COUNCIL_REVIEWED → DECIDED, or RETURNED /
 * REJECTED, each move one transaction with its audit row and event. Eligibility (the scheme's rule over the fact store) is
 * evaluated and recorded at submission and again at decision; the quota place is taken atomically at decision.
 */
export class NominationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly nominations: NominationRepository,
    private readonly policy: AwardsPolicy,
    private readonly clock: Clock,
    private readonly input: AwardsInput,
    private readonly nominees: NomineeProtection,
  ) {}

  async create(context: CommandContext, raw: CreateNominationInput): Promise<NominationView> {
    const identity = this.policy.nominator(context.caller);
    const campaignId = this.input.id(raw.campaignId, 'input.campaignId');
    const unitId = this.input.id(raw.unitId, 'input.unitId');
    const formCode = this.input.code(raw.formCode, 'input.formCode');
    const legalGround = this.input.code(raw.legalGround, 'input.legalGround');
    const achievement = this.input.text(raw.achievement, 'input.achievement');
    const dossier = this.dossier(raw.dossier, 'input.dossier');
    const today = this.clock.today();
    const recipientKind = raw.recipientKind ?? 'COLLECTIVE';
    // Checked, encrypted and hashed before the transaction: a bad nominee writes nothing and holds no lock.
    const nominee = this.nominees.protect(recipientKind, unitId, raw.nominee, today);
    return this.nominations.transaction(async (tx) => {
      const directory = new UnitDirectory(tx.client);
      const campaign = await new FactStore(tx.client).campaign(campaignId);
      if (!campaign) throw awardErrors.campaignNotFound(campaignId, 'input.campaignId');
      // Outside the nominator's jurisdiction the unit is answered as one that does not exist.
      if (!(await this.policy.sees(directory, identity, unitId, today))) throw awardErrors.unitNotFound(unitId, 'input.unitId');
      const scheme = await loadScheme(tx.client, campaignId);
      if (!scheme) throw awardErrors.schemeMissing(campaignId);
      const schemeForm = scheme.forms.find((entry) => entry.form.code === formCode);
      if (!schemeForm) throw awardErrors.formNotInScheme(formCode, 'input.formCode');
      if (!schemeForm.form.recipientKinds.includes(recipientKind)) throw awardErrors.formNotForRecipient(formCode, recipientKind, 'input.formCode');
      if (!schemeForm.form.legalGrounds.includes(legalGround)) throw awardErrors.legalGroundUnknown(legalGround, schemeForm.form.legalGrounds);
      const subject = { campaignId, unitId, recipientKind, subjectKey: nominee.subjectKey };
      await tx.lockSubject(campaignId, nominee.subjectKey);
      await this.assertSingleAward(tx, subject, null);
      const nomination: NominationView = {
        id: randomUUID(),
        campaignId,
        formCode,
        recipientKind,
        unitId,
        ...nominee,
        nominatingUnitId: identity.jurisdictionUnitId,
        legalGround,
        achievement,
        dossier,
        status: 'DRAFT',
        eligibility: null,
        appraisalEligible: null,
        appraisalReason: null,
        votesFor: null,
        votesAgainst: null,
        votesAbstain: null,
        decisionNumber: null,
        decidedOn: null,
        decidingAuthority: null,
        closingReason: null,
        dependsOn: [],
        revokedOn: null,
        revocationDecision: null,
        revocationReason: null,
        recoverArtifact: false,
        recoverMoney: false,
        revision: 1,
      };
      await tx.insert(nomination, audit(identity, null));
      return nomination;
    });
  }

  async updateDossier(context: CommandContext, rawId: string, raw: DossierInput): Promise<NominationView> {
    const identity = this.policy.nominator(context.caller);
    const id = this.input.id(rawId, 'id');
    const dossier = this.dossier(raw, 'dossier');
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      if (current.status !== 'DRAFT' && current.status !== 'RETURNED') throw awardErrors.invalidTransition(id, current.status, current.status);
      return tx.move(current, { ...current, dossier }, audit(identity, null));
    });
  }

  async submit(context: CommandContext, rawId: string): Promise<NominationView> {
    const identity = this.policy.nominator(context.caller);
    const id = this.input.id(rawId, 'id');
    const today = this.clock.today();
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      this.assertFrom(current, ['DRAFT', 'RETURNED'], 'SUBMITTED');
      const gaps = dossierGaps(current.dossier);
      if (gaps.length > 0) throw awardErrors.dossierIncomplete(gaps);
      await tx.lockSubject(current.campaignId, current.subjectKey);
      await this.assertSingleAward(tx, current, current.id);
      const { dependsOn: _unused, ...eligibility } = await this.evaluateOne(tx, current, today, 'SUBMISSION');
      const next = await tx.move(current, { ...current, status: 'SUBMITTED', eligibility, closingReason: null }, audit(identity, null));
      await tx.appendEvents([nominationEvents.submitted(next, today, context.correlationId)]);
      return next;
    });
  }

  async receive(context: CommandContext, rawId: string): Promise<NominationView> {
    const identity = this.policy.receiver(context.caller);
    const id = this.input.id(rawId, 'id');
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      this.assertFrom(current, ['SUBMITTED'], 'RECEIVED');
      return tx.move(current, { ...current, status: 'RECEIVED' }, audit(identity, null));
    });
  }

  async appraise(context: CommandContext, rawId: string, eligible: boolean, rawReason: string | null | undefined): Promise<NominationView> {
    const identity = this.policy.appraiser(context.caller);
    const id = this.input.id(rawId, 'id');
    const reason = rawReason === null || rawReason === undefined ? null : this.input.text(rawReason, 'reason', 1000);
    if (!eligible && reason === null) throw awardErrors.invalidCondition('reason', 'an appraisal of ineligibility needs a reason');
    const today = this.clock.today();
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      this.assertFrom(current, ['RECEIVED'], 'APPRAISED');
      const next = await tx.move(current, { ...current, status: 'APPRAISED', appraisalEligible: eligible, appraisalReason: reason }, audit(identity, reason));
      await tx.appendEvents([nominationEvents.appraised(next, today, context.correlationId)]);
      return next;
    });
  }

  async councilReview(context: CommandContext, rawId: string, votes: { for: number; against: number; abstain: number }): Promise<NominationView> {
    const identity = this.policy.appraiser(context.caller);
    const id = this.input.id(rawId, 'id');
    const votesFor = this.input.count(votes.for, 'votesFor');
    const votesAgainst = this.input.count(votes.against, 'votesAgainst');
    const votesAbstain = this.input.count(votes.abstain, 'votesAbstain');
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      if (['DRAFT', 'SUBMITTED', 'RECEIVED'].includes(current.status)) throw awardErrors.notAppraised(id, current.status);
      this.assertFrom(current, ['APPRAISED'], 'COUNCIL_REVIEWED');
      return tx.move(current, { ...current, status: 'COUNCIL_REVIEWED', votesFor, votesAgainst, votesAbstain }, audit(identity, null));
    });
  }

  /**
   * Decides a reviewed nomination: eligibility is evaluated again on today's facts; an ineligible one is REJECTED naming every
   * failed condition; an eligible one takes a quota place atomically (none left: QUOTA_EXHAUSTED, nothing written) and is DECIDED.
   */
  async decide(context: CommandContext, raw: DecideInput): Promise<NominationView> {
    const identity = this.policy.appraiser(context.caller);
    const id = this.input.id(raw.id, 'input.id');
    const decisionNumber = this.input.line(raw.decisionNumber, 'input.decisionNumber', 100);
    const decidedOn = this.input.date(raw.decidedOn, 'input.decidedOn');
    const authority = this.input.line(raw.authority, 'input.authority');
    const today = this.clock.today();
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      if (['DRAFT', 'SUBMITTED', 'RECEIVED', 'APPRAISED'].includes(current.status)) throw awardErrors.notAppraised(id, current.status);
      this.assertFrom(current, ['COUNCIL_REVIEWED'], 'DECIDED');
      if (current.appraisalEligible !== true) throw awardErrors.appraisedIneligible(id);
      await tx.lockSubject(current.campaignId, current.subjectKey);
      await this.assertSingleAward(tx, current, current.id);
      const { dependsOn, ...eligibility } = await this.evaluateOne(tx, current, today, 'DECISION');
      if (!eligibility.eligible) {
        const reason = `Không đạt điều kiện khi quyết định: ${eligibility.failed.map((f) => f.name).join('; ')}`;
        const next = await tx.move(current, { ...current, status: 'REJECTED', eligibility, closingReason: reason }, audit(identity, reason));
        await tx.appendEvents([nominationEvents.rejected(next, today, reason, eligibility.failed, context.correlationId)]);
        return next;
      }
      const scheme = await loadScheme(tx.client, current.campaignId);
      const quota = scheme?.forms.find((entry) => entry.form.code === current.formCode)?.quota ?? null;
      if (!(await tx.takePlace(current.campaignId, current.formCode, quota))) throw awardErrors.quotaExhausted(current.formCode, quota ?? 0);
      const next = await tx.move(current, { ...current, status: 'DECIDED', eligibility, dependsOn, decisionNumber, decidedOn, decidingAuthority: authority }, audit(identity, null));
      await tx.appendEvents([nominationEvents.decided(next, context.correlationId)]);
      return next;
    });
  }

  async returnNomination(context: CommandContext, rawId: string, rawReason: string): Promise<NominationView> {
    const identity = this.policy.closer(context.caller);
    const id = this.input.id(rawId, 'id');
    const reason = this.input.text(rawReason, 'reason', 1000);
    const today = this.clock.today();
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      this.assertFrom(current, ['SUBMITTED', 'RECEIVED', 'APPRAISED', 'COUNCIL_REVIEWED'], 'RETURNED');
      const next = await tx.move(current, { ...current, status: 'RETURNED', closingReason: reason }, audit(identity, reason));
      await tx.appendEvents([nominationEvents.returned(next, today, reason, context.correlationId)]);
      return next;
    });
  }

  async reject(context: CommandContext, rawId: string, rawReason: string): Promise<NominationView> {
    const identity = this.policy.closer(context.caller);
    const id = this.input.id(rawId, 'id');
    const reason = this.input.text(rawReason, 'reason', 1000);
    const today = this.clock.today();
    return this.nominations.transaction(async (tx) => {
      const current = await this.locked(tx, identity, id);
      this.assertFrom(current, OPEN_STATUSES, 'REJECTED');
      const next = await tx.move(current, { ...current, status: 'REJECTED', closingReason: reason }, audit(identity, reason));
      await tx.appendEvents([nominationEvents.rejected(next, today, reason, [], context.correlationId)]);
      return next;
    });
  }

  /**
   * Revokes a decided award (R26): REVOKED with the revocation decision, the artifact and money flagged for recovery, audited,
   * published; then every decided award that relied on it (recorded at its decision) is revoked the same way, transitively,
   * in the same transaction. Returns every award revoked, the named one first.
   */
  async revoke(context: CommandContext, raw: RevokeInput): Promise<NominationView[]> {
    const identity = this.policy.appraiser(context.caller);
    const id = this.input.id(raw.id, 'input.id');
    const revocationDecision = this.input.line(raw.revocationDecision, 'input.revocationDecision', 100);
    const revokedOn = this.input.date(raw.revokedOn, 'input.revokedOn');
    const reason = this.input.text(raw.reason, 'input.reason', 1000);
    return this.nominations.transaction(async (tx) => {
      const award = await this.locked(tx, identity, id);
      this.assertFrom(award, ['DECIDED'], 'REVOKED');
      const revoked: NominationView[] = [];
      const queue: Array<{ award: NominationView; from: string | null }> = [{ award, from: null }];
      for (let item = queue.shift(); item; item = queue.shift()) {
        const { award: current, from } = item;
        const why = from === null ? reason : `Thu hồi theo khen thưởng ${from} đã bị thu hồi: ${reason}`;
        const next = await tx.move(
          current,
          { ...current, status: 'REVOKED', revokedOn, revocationDecision, revocationReason: why, recoverArtifact: raw.recoverArtifact, recoverMoney: raw.recoverMoney },
          audit(identity, why),
        );
        await tx.appendEvents([nominationEvents.revoked(next, from, context.correlationId)]);
        revoked.push(next);
        for (const dependant of await tx.lockDependants(current.id)) queue.push({ award: dependant, from: current.id });
      }
      return revoked;
    });
  }

  async get(caller: Caller, rawId: string): Promise<NominationView | null> {
    const id = this.input.id(rawId, 'id');
    const identity = this.policy.reader(caller);
    if (!identity) return null;
    const nomination = await this.nominations.find(id);
    if (!nomination || !(await this.visible(identity, nomination))) return null;
    return nomination;
  }

  async list(caller: Caller, rawCampaignId: string, status: NominationStatus | null | undefined): Promise<NominationView[]> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const identity = this.policy.reader(caller);
    if (!identity) return [];
    const all = await this.nominations.ofCampaign(campaignId, status ?? null);
    const visible: NominationView[] = [];
    const campaignEnds = new Map<string, string | null>();
    for (const nomination of all) if (await this.visible(identity, nomination, campaignEnds)) visible.push(nomination);
    return visible;
  }

  /** Eligibility of every visible nomination of a campaign on today's facts: one fact query, counts per failed condition. */
  async eligibilityReport(caller: Caller, rawCampaignId: string, status: NominationStatus | null | undefined) {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const identity = this.policy.reader(caller);
    if (!identity) return null;
    const today = this.clock.today();
    const campaign = await new FactStore(this.prisma).campaign(campaignId);
    const scheme = campaign ? await loadScheme(this.prisma, campaignId) : null;
    const directory = this.nominations.directory;
    if (!campaign || !scheme || !(await this.policy.readsForCampaign(directory, identity, campaign.ownerUnitId, today, campaign.periodEnd))) return null;
    let nominations = await this.nominations.ofCampaign(campaignId, status ?? null);
    if (!identity.roles.includes('SYSTEM_ADMIN')) {
      const inside = (await this.policy.campaignReadSet(directory, identity, today, campaign.periodEnd)) ?? new Set<string>();
      nominations = nominations.filter((nomination) => inside.has(nomination.unitId));
    }
    const results = await this.evaluateMany(campaign, scheme, nominations, today);
    const failures = new Map<string, number>();
    let eligible = 0;
    for (const result of results.values()) {
      if (result.eligible) eligible += 1;
      for (const failed of result.failed) failures.set(failed.name, (failures.get(failed.name) ?? 0) + 1);
    }
    return {
      evaluated: results.size,
      eligible,
      ineligible: results.size - eligible,
      failedByCondition: [...failures.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    };
  }

  /** R31: the campaign's decided (and revoked) awards as published; any signed-in caller, external agencies included. */
  async published(caller: Caller, rawCampaignId: string): Promise<PublishedAwardView[]> {
    requireCaller(caller);
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const campaign = await new FactStore(this.prisma).campaign(campaignId);
    if (!campaign) return [];
    const forms = new Catalogue(this.prisma);
    const awards = [...(await this.nominations.ofCampaign(campaignId, 'DECIDED')), ...(await this.nominations.ofCampaign(campaignId, 'REVOKED'))];
    const names = new Map((await forms.formsOn(campaign.periodEnd)).map((form) => [form.code, form.name]));
    const access = this.policy.personalDataAccess(caller);
    const decided = awards.filter((award) => award.decisionNumber !== null && award.decidedOn !== null && award.decidingAuthority !== null);
    const units = await this.unitsOnDecisionDates(decided, campaign.periodEnd);
    return decided
      .map((award) => ({
        id: award.id,
        recipientKind: award.recipientKind,
        unitId: award.unitId,
        unitCode: units.get(award.id)?.code ?? '',
        unitName: units.get(award.id)?.name ?? '',
        recipientName: this.nominees.view(award, access)?.fullName ?? null,
        formCode: award.formCode,
        formName: names.get(award.formCode) ?? award.formCode,
        decisionNumber: award.decisionNumber ?? '',
        decidedOn: award.decidedOn ?? '',
        authority: award.decidingAuthority ?? '',
        status: award.status === 'REVOKED' ? ('REVOKED' as const) : ('DECIDED' as const),
        revokedOn: award.revokedOn,
        revocationDecision: award.revocationDecision,
      }))
      .sort((a, b) => a.decisionNumber.localeCompare(b.decisionNumber) || a.id.localeCompare(b.id));
  }

  /** Certificate data of a decided award the caller may read (not external readers: they have the published list). */
  async certificate(caller: Caller, rawId: string): Promise<CertificateView | null> {
    const award = await this.get(caller, rawId);
    if (!award || award.status !== 'DECIDED' || !award.decidedOn || !award.decisionNumber || !award.decidingAuthority) return null;
    const campaign = await new FactStore(this.prisma).campaign(award.campaignId);
    const form = await new Catalogue(this.prisma).formOn(award.formCode, award.decidedOn);
    if (!campaign || !form) return null;
    return {
      awardId: award.id,
      recipientKind: award.recipientKind,
      recipientUnitId: award.unitId,
      recipientName: this.nominees.view(award, this.policy.personalDataAccess(caller))?.fullName ?? null,
      formName: form.name,
      issuingAuthority: form.issuingAuthority,
      campaignTitle: campaign.title,
      achievement: award.achievement,
      decisionNumber: award.decisionNumber,
      decidedOn: award.decidedOn,
      authority: award.decidingAuthority,
      bonusMultiple: form.bonusMultiple,
    };
  }

  history(id: string): Promise<TransitionView[]> {
    return this.nominations.history(id);
  }

  /** The unit's own awards as a collective (its history, decided and revoked); empty when the unit is not visible. */
  async awardsOf(caller: Caller, unitId: string): Promise<NominationView[]> {
    const identity = this.policy.reader(caller);
    if (!identity || !(await this.policy.sees(this.nominations.directory, identity, unitId, this.clock.today()))) return [];
    return this.nominations.decidedFor(unitId);
  }

  /**
   * The awards of a nomination's subject across campaigns (decided and revoked): a unit's own, or the same person's or
   * household's found through the blind index, whatever unit nominated them; only those whose unit the caller sees.
   */
  async subjectAwards(caller: Caller, nomination: NominationView): Promise<NominationView[]> {
    const identity = this.policy.reader(caller);
    if (!identity) return [];
    const visible: NominationView[] = [];
    const campaignEnds = new Map<string, string | null>();
    for (const award of await this.nominations.decidedFor(nomination.subjectKey)) if (await this.visible(identity, award, campaignEnds)) visible.push(award);
    return visible;
  }

  /** The nominee of a nomination the caller reads, in clear, masked or empty by its role (null for a collective). */
  nomineeOf(caller: Caller, nomination: NominationView): NomineeView | null {
    return this.nominees.view(nomination, this.policy.personalDataAccess(caller));
  }

  /** The unit's eligibility as a collective for each form of the campaign's scheme, on today's facts. */
  async eligibilityOf(caller: Caller, unitId: string, rawCampaignId: string): Promise<Array<{ formCode: string } & EligibilityResult>> {
    const campaignId = this.input.id(rawCampaignId, 'campaignId');
    const identity = this.policy.reader(caller);
    if (!identity || !(await this.policy.sees(this.nominations.directory, identity, unitId, this.clock.today()))) return [];
    const facts = new FactStore(this.prisma);
    const campaign = await facts.campaign(campaignId);
    const scheme = campaign ? await loadScheme(this.prisma, campaignId) : null;
    if (!campaign || !scheme) return [];
    const unitFacts = (await facts.factsOf([unitId], campaign, this.clock.today())).get(unitId);
    return scheme.forms.map((entry) => ({ formCode: entry.form.code, ...evaluate(rulesFor(entry.rules, 'COLLECTIVE'), unitFacts) }));
  }

  /** Eligibility of many nominations at once (one fact query per campaign): the benchmark's and the registry's path. */
  async evaluateMany(campaign: CampaignFactView, scheme: SchemeView, nominations: readonly NominationView[], asOf: string): Promise<Map<string, EligibilityResult>> {
    const facts = await new FactStore(this.prisma).factsOfSubjects(nominations, campaign, asOf);
    const results = new Map<string, EligibilityResult>();
    for (const nomination of nominations) {
      const rules = rulesFor(scheme.forms.find((entry) => entry.form.code === nomination.formCode)?.rules, nomination.recipientKind);
      results.set(nomination.id, evaluate(rules, facts.get(nomination.subjectKey)));
    }
    return results;
  }

  /**
   * Each award's unit as the directory held it on the decision date (one read per date), else on the campaign's last day: the
   * published list names its recipients whatever the reader may see in org-units, and a unit merged away since keeps the name
   * the decision gave it.
   */
  private async unitsOnDecisionDates(awards: readonly NominationView[], campaignEnd: string): Promise<Map<string, { code: string; name: string }>> {
    const directory = this.nominations.directory;
    const byDate = new Map<string, string[]>();
    for (const award of awards) byDate.set(award.decidedOn ?? campaignEnd, [...(byDate.get(award.decidedOn ?? campaignEnd) ?? []), award.unitId]);
    const held = new Map<string, Map<string, { code: string; name: string }>>();
    for (const [date, unitIds] of byDate) held.set(date, await directory.unitsAt([...new Set(unitIds)], date));
    const missing = awards.filter((award) => !held.get(award.decidedOn ?? campaignEnd)?.has(award.unitId)).map((award) => award.unitId);
    const atCampaignEnd = missing.length > 0 ? await directory.unitsAt([...new Set(missing)], campaignEnd) : new Map<string, { code: string; name: string }>();
    const result = new Map<string, { code: string; name: string }>();
    for (const award of awards) {
      const entry = held.get(award.decidedOn ?? campaignEnd)?.get(award.unitId) ?? atCampaignEnd.get(award.unitId);
      if (entry) result.set(award.id, { code: entry.code, name: entry.name });
    }
    return result;
  }

  /**
   * The season's nominations and places per form. A caller whose jurisdiction holds the campaign's owner reads the whole
   * season; a reader below it (a district, a commune) reads the nominations of the units inside its jurisdiction (today, or on
   * a past campaign's last day by the read rule: `AwardsPolicy.readsForCampaign`), never those of other units (their existence
   * included), with the campaign's quotas.
   */
  async summary(caller: Caller, campaignId: string): Promise<AwardSummaryView | null> {
    const identity = this.policy.reader(caller);
    if (!identity) return null;
    const campaign = await new FactStore(this.prisma).campaign(campaignId);
    if (!campaign) return null;
    const today = this.clock.today();
    const directory = this.nominations.directory;
    const whole = await this.policy.readsForCampaign(directory, identity, campaign.ownerUnitId, today, campaign.periodEnd);
    const scheme = await loadScheme(this.prisma, campaignId);
    if (!scheme) return null;
    let units: string[] | null = null;
    if (!whole) {
      const readable = await this.policy.campaignReadSet(directory, identity, today, campaign.periodEnd);
      if (!readable) return null;
      units = [...readable];
    }
    const counts = await this.nominations.countsByForm(campaignId, units);
    const count = (formCode: string, statuses: readonly string[]) =>
      counts.filter((row) => row.formCode === formCode && statuses.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
    return {
      campaignId,
      restricted: !whole,
      nominations: counts.reduce((sum, row) => sum + row.count, 0),
      forms: scheme.forms.map((entry) => ({
        formCode: entry.form.code,
        quota: entry.quota,
        decided: count(entry.form.code, ['DECIDED']),
        pending: count(entry.form.code, ['DRAFT', 'SUBMITTED', 'RECEIVED', 'APPRAISED', 'COUNCIL_REVIEWED', 'RETURNED']),
        rejected: count(entry.form.code, ['REJECTED']),
      })),
    };
  }

  /** A nomination the caller reads: its unit inside the jurisdiction today or on its campaign's last day (read rule). */
  private async visible(identity: Identity, nomination: NominationView, campaignEnds = new Map<string, string | null>()): Promise<boolean> {
    const today = this.clock.today();
    if (await this.policy.sees(this.nominations.directory, identity, nomination.unitId, today)) return true;
    if (!campaignEnds.has(nomination.campaignId)) campaignEnds.set(nomination.campaignId, (await new FactStore(this.prisma).campaign(nomination.campaignId))?.periodEnd ?? null);
    const end = campaignEnds.get(nomination.campaignId);
    return end !== null && end !== undefined && this.policy.readsForCampaign(this.nominations.directory, identity, nomination.unitId, today, end);
  }

  private async locked(tx: NominationTransaction, identity: Identity, id: string): Promise<NominationView> {
    const current = await tx.lock(id);
    if (!current || !(await this.policy.sees(new UnitDirectory(tx.client), identity, current.unitId, this.clock.today()))) throw awardErrors.nominationNotFound(id);
    return current;
  }

  private assertFrom(current: NominationView, from: readonly NominationStatus[], to: NominationStatus): void {
    if (!from.includes(current.status)) throw awardErrors.invalidTransition(current.id, current.status, to);
  }

  /**
   * R19: one achievement, one award — no second nomination of a subject (a unit, the same person or household, whichever unit
   * nominates it) in a campaign while one is open or decided.
   */
  private async assertSingleAward(
    tx: NominationTransaction,
    subject: Pick<NominationView, 'campaignId' | 'unitId' | 'recipientKind' | 'subjectKey'>,
    exceptId: string | null,
  ): Promise<void> {
    const { campaignId, unitId } = subject;
    const others = await tx.sameSubject(campaignId, subject.subjectKey, exceptId);
    const decided = others.find((other) => other.status === 'DECIDED');
    const collective = subject.recipientKind === 'COLLECTIVE';
    if (decided) throw collective ? awardErrors.alreadyAwarded(unitId, campaignId, decided.id) : awardErrors.personAlreadyAwarded(campaignId);
    const open = others[0];
    if (open) throw collective ? awardErrors.duplicateNomination(unitId, campaignId, open.id) : awardErrors.duplicatePerson(campaignId);
  }

  private async evaluateOne(
    tx: NominationTransaction,
    nomination: NominationView,
    asOf: string,
    stage: StoredEligibility['stage'],
  ): Promise<StoredEligibility & { dependsOn: string[] }> {
    const facts = new FactStore(tx.client);
    const campaign = await facts.campaign(nomination.campaignId);
    const scheme = await loadScheme(tx.client, nomination.campaignId);
    const schemeForm = scheme?.forms.find((entry) => entry.form.code === nomination.formCode);
    if (!campaign || !schemeForm) return { stage, eligible: false, failed: [{ name: 'form in the campaign’s scheme', fact: 'SCHEME', actual: null }], dependsOn: [] };
    const rules = rulesFor(schemeForm.rules, nomination.recipientKind);
    const subjectFacts = (await facts.factsOfSubjects([nomination], campaign, asOf)).get(nomination.subjectKey);
    return { stage, ...evaluate(rules, subjectFacts), dependsOn: dependenciesOf(rules, subjectFacts) };
  }

  private dossier(raw: DossierInput, field: string): DossierView {
    const evidence = raw.evidenceRefs ?? [];
    if (evidence.length > MAX_EVIDENCE) throw awardErrors.invalidCondition(`${field}.evidenceRefs`, `at most ${MAX_EVIDENCE} items`);
    return {
      submissionRef: this.input.optionalLine(raw.submissionRef, `${field}.submissionRef`),
      achievementReportRef: this.input.optionalLine(raw.achievementReportRef, `${field}.achievementReportRef`),
      councilMinutesRef: this.input.optionalLine(raw.councilMinutesRef, `${field}.councilMinutesRef`),
      councilVotesFor: this.input.count(raw.councilVotesFor, `${field}.councilVotesFor`),
      councilVotesAgainst: this.input.count(raw.councilVotesAgainst, `${field}.councilVotesAgainst`),
      evidenceRefs: evidence.map((ref, i) => this.input.line(ref, `${field}.evidenceRefs[${i}]`)),
    };
  }
}

function audit(identity: Identity, reason: string | null): Audit {
  return { actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, reason };
}
