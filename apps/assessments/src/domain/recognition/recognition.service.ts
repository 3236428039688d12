import { randomUUID } from 'node:crypto';
import { type Caller, type Identity, type Role, SYSTEM_ADMIN, requireCaller, requireRole } from '@antt/auth';
import { type Clock, type DateRange, inputDate, inputId, inputOptionalId, inputText } from '@antt/service-kit';
import { safeStandardScope } from '@antt/unit-directory';
import { residentialWindow } from '../incident/incident.types';
import { isSystemAdmin } from '../shared';
import { recognitionErrors } from './recognition.errors';
import { recognitionDecided } from './recognition.events';
import { type RecognisingBodyResolution, type RecognisingBodyRuleView } from './recognising-body';
import { type RecognitionReader, type RecognitionRepository, type RecognitionTransaction } from './recognition.repository';
import {
  type CertificateView,
  type CorrectRecognitionInput,
  type DecideRecognitionInput,
  type RecognitionRevisionView,
  type RecognitionView,
  type RevokeRecognitionInput,
} from './recognition.types';

/** Who decides: the officers of a level (the People's Committee's standing body is served by them), never a unit officer. */
export const RECOGNISER_ROLES: readonly Role[] = ['LEVEL_OFFICER', 'STEERING_OFFICER', SYSTEM_ADMIN];

export interface CommandContext {
  caller: Caller;
  correlationId: string | undefined;
}

/**
 * Safe-standard recognition (Circular 124). The deciding level is R2's dated configuration applied to the tree of the decision
 * date ({@link RecognisingBodyRules}: the nearest level of the configured kinds at or above the unit's managing unit, else its
 * parent), so a 2024 decision about a commune belongs to its district and one after 01/07/2025 to the province. At most one decision per unit and year (R3), only for units in scope (R1). A unit outside
 * the caller's jurisdiction on the decision date is answered as one that does not exist.
 */
export class RecognitionService {
  constructor(
    private readonly recognitions: RecognitionRepository,
    private readonly clock: Clock,
    private readonly dates: DateRange,
  ) {}

  async decide(context: CommandContext, raw: DecideRecognitionInput): Promise<RecognitionView> {
    const identity = requireRole(context.caller, RECOGNISER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const year = this.year(raw.year);
    const decidedOn = inputDate(raw.decidedOn, { field: 'decidedOn', range: this.dates });
    const today = this.clock.today();
    if (decidedOn > today) throw recognitionErrors.dateInFuture('decidedOn', decidedOn, today);
    const decidedYear = Number(decidedOn.slice(0, 4));
    if (decidedYear < year || decidedYear > year + 1) throw recognitionErrors.dateOutsideYear(decidedOn, year);
    const achieved = raw.outcome === 'ACHIEVED';
    const decisionNumber = this.optionalText(raw.decisionNumber, 'decisionNumber', 100);
    const reason = this.optionalText(raw.reason, 'reason', 1000, true);
    if (!achieved && reason === null) throw recognitionErrors.reasonRequired();
    const certificateNumber = this.optionalText(raw.certificateNumber, 'certificateNumber', 100);
    const certificateSigner = this.optionalText(raw.certificateSigner, 'certificateSigner', 200);
    if (!achieved && certificateNumber !== null) throw recognitionErrors.certificateNotAllowed('certificateNumber');
    if (!achieved && certificateSigner !== null) throw recognitionErrors.certificateNotAllowed('certificateSigner');
    const certificateNo = certificateNumber ?? decisionNumber;
    const certificate: CertificateView | null = achieved && certificateSigner !== null && certificateNo !== null ? { number: certificateNo, date: decidedOn, signer: certificateSigner } : null;

    return this.recognitions.transaction(async (tx) => {
      const directory = tx.directory;
      const unit = await directory.unitAt(unitId, decidedOn);
      if (!unit) throw recognitionErrors.unitNotFound(unitId, 'unitId', decidedOn);
      if (!isSystemAdmin(identity) && !(await directory.isWithin(unitId, identity.jurisdictionUnitId, decidedOn))) {
        throw recognitionErrors.unitNotFound(unitId, 'unitId', decidedOn);
      }
      const scope = safeStandardScope(unit.kind, unit.attributes);
      if (!scope.applies) throw recognitionErrors.outOfScope(unitId, scope.reason ?? 'KIND_NOT_IN_SCOPE');
      const decidingUnitId = await this.competentBody(tx, identity, unitId, decidedOn);
      await tx.lockUnitYear(unitId, year);
      if (await tx.ofUnitAndYear(unitId, year)) throw recognitionErrors.alreadyDecided(unitId, year);
      if (achieved && unit.kind === 'RESIDENTIAL_AREA') {
        const window = residentialWindow(year);
        const incidents = await tx.incidentsIn(unitId, window.from, window.to);
        if (incidents.length > 0) throw recognitionErrors.incidentInWindow(incidents);
      }
      // Circular 124: ACHIEVED only when the unit's assessment of the year (if any) meets every safe-standard criterion.
      const evaluated = achieved ? await tx.safeStandardProposal(unitId, year, today) : null;
      if (evaluated && evaluated.proposal.failedCriteria.length > 0) throw recognitionErrors.criteriaFailed(evaluated.assessmentId, evaluated.proposal.failedCriteria);
      const recognition: RecognitionView = {
        id: randomUUID(),
        unitId,
        unitKind: unit.kind as RecognitionView['unitKind'],
        year,
        status: achieved ? 'RECOGNISED' : 'NOT_RECOGNISED',
        decidingUnitId,
        decidedOn,
        recognisedOn: achieved ? decidedOn : null,
        revokedOn: null,
        reason: achieved ? null : reason,
        decisionNumber,
        certificate,
        revision: 1,
      };
      await tx.insert(recognition, identity.subject);
      await tx.addRevision(recognition, { subject: identity.subject, unitId: identity.jurisdictionUnitId });
      await tx.appendEvents([recognitionDecided(recognition, context.correlationId)]);
      return recognition;
    });
  }

  /**
   * R30: a recognition is revoked by the competent level on the revocation date (R2 on that date), with a reason; the revision
   * grows, the original stays visible in `revisions`, and the state-carrying decided event goes out again (REVOKED).
   */
  async revoke(context: CommandContext, raw: RevokeRecognitionInput): Promise<RecognitionView> {
    const identity = requireRole(context.caller, RECOGNISER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const year = this.year(raw.year);
    const revokedOn = inputDate(raw.revokedOn, { field: 'revokedOn', range: this.dates });
    const today = this.clock.today();
    if (revokedOn > today) throw recognitionErrors.dateInFuture('revokedOn', revokedOn, today);
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const decisionNumber = this.optionalText(raw.decisionNumber, 'decisionNumber', 100);
    return this.recognitions.transaction(async (tx) => {
      await tx.lockUnitYear(unitId, year);
      const current = await tx.ofUnitAndYear(unitId, year);
      if (!current || !(isSystemAdmin(identity) || (await tx.directory.isWithin(unitId, identity.jurisdictionUnitId, revokedOn)))) throw recognitionErrors.notFound(unitId, year);
      const decidingUnitId = await this.competentBody(tx, identity, unitId, revokedOn);
      if (current.status !== 'RECOGNISED' || current.recognisedOn === null) throw recognitionErrors.notRevocable(current.status);
      if (revokedOn < current.recognisedOn) throw recognitionErrors.revokedBeforeGrant(revokedOn, current.recognisedOn);
      const revoked: RecognitionView = { ...current, status: 'REVOKED', decidingUnitId, decidedOn: revokedOn, revokedOn, reason, decisionNumber: decisionNumber ?? current.decisionNumber, revision: current.revision + 1 };
      await tx.update(revoked);
      await tx.addRevision(revoked, { subject: identity.subject, unitId: identity.jurisdictionUnitId }, { action: 'REVOKED' });
      await tx.appendEvents([recognitionDecided(revoked, context.correlationId)]);
      return revoked;
    });
  }

  /**
   * R30, a changed outcome other than a revocation: NOT_ACHIEVED → ACHIEVED (or the reverse) through an audited correction of the
   * unit's one decision of the year (R3: the same decision, never a second one), by the competent level on the correction date
   * (R2), with a reason; R6 holds for a residential area corrected to ACHIEVED. The revision grows, the original stays in
   * `revisions` (action CORRECTED, with the reason), and the state-carrying decided event goes out again.
   */
  async correct(context: CommandContext, raw: CorrectRecognitionInput): Promise<RecognitionView> {
    const identity = requireRole(context.caller, RECOGNISER_ROLES);
    const unitId = inputId(raw.unitId, { field: 'unitId' });
    const year = this.year(raw.year);
    const correctedOn = inputDate(raw.correctedOn, { field: 'correctedOn', range: this.dates });
    const today = this.clock.today();
    if (correctedOn > today) throw recognitionErrors.dateInFuture('correctedOn', correctedOn, today);
    const reason = inputText(raw.reason, { field: 'reason', max: 1000, multiline: true });
    const achieved = raw.outcome === 'ACHIEVED';
    const decisionNumber = this.optionalText(raw.decisionNumber, 'decisionNumber', 100);
    const certificateNumber = this.optionalText(raw.certificateNumber, 'certificateNumber', 100);
    const certificateSigner = this.optionalText(raw.certificateSigner, 'certificateSigner', 200);
    if (!achieved && certificateNumber !== null) throw recognitionErrors.certificateNotAllowed('certificateNumber');
    if (!achieved && certificateSigner !== null) throw recognitionErrors.certificateNotAllowed('certificateSigner');
    return this.recognitions.transaction(async (tx) => {
      await tx.lockUnitYear(unitId, year);
      const current = await tx.ofUnitAndYear(unitId, year);
      if (!current || !(isSystemAdmin(identity) || (await tx.directory.isWithin(unitId, identity.jurisdictionUnitId, correctedOn)))) throw recognitionErrors.notFound(unitId, year);
      const decidingUnitId = await this.competentBody(tx, identity, unitId, correctedOn);
      if (current.status === 'REVOKED') throw recognitionErrors.notCorrectable(current.status);
      const status = achieved ? 'RECOGNISED' : 'NOT_RECOGNISED';
      if (current.status === status) throw recognitionErrors.correctionUnchanged(current.status);
      if (correctedOn < current.decidedOn) throw recognitionErrors.correctedBeforeDecision(correctedOn, current.decidedOn);
      if (achieved && current.unitKind === 'RESIDENTIAL_AREA') {
        const window = residentialWindow(year);
        const incidents = await tx.incidentsIn(unitId, window.from, window.to);
        if (incidents.length > 0) throw recognitionErrors.incidentInWindow(incidents);
      }
      // A correction to ACHIEVED is held to the same criteria as a decision (merge of the corrections with the criteria).
      const evaluated = achieved ? await tx.safeStandardProposal(unitId, year, today) : null;
      if (evaluated && evaluated.proposal.failedCriteria.length > 0) throw recognitionErrors.criteriaFailed(evaluated.assessmentId, evaluated.proposal.failedCriteria);
      const number = decisionNumber ?? current.decisionNumber;
      const certificateNo = certificateNumber ?? number;
      const certificate: CertificateView | null = achieved && certificateSigner !== null && certificateNo !== null ? { number: certificateNo, date: correctedOn, signer: certificateSigner } : null;
      const corrected: RecognitionView = {
        ...current,
        status,
        decidingUnitId,
        decidedOn: correctedOn,
        recognisedOn: achieved ? correctedOn : null,
        revokedOn: null,
        reason: achieved ? null : reason,
        decisionNumber: number,
        certificate,
        revision: current.revision + 1,
      };
      await tx.update(corrected);
      await tx.addRevision(corrected, { subject: identity.subject, unitId: identity.jurisdictionUnitId }, { action: 'CORRECTED', reason });
      await tx.appendEvents([recognitionDecided(corrected, context.correlationId)]);
      return corrected;
    });
  }

  /**
   * The recognising body of a unit on a date under R2's dated configuration, with the rule applied; null when the unit does not
   * lie in the caller's jurisdiction on that date (answered as absent).
   */
  async recognisingBodyOf(caller: Caller, rawUnitId: string, rawDate: string): Promise<RecognisingBodyResolution | null> {
    const identity = requireCaller(caller);
    const unitId = inputId(rawUnitId, { field: 'unitId' });
    const date = inputDate(rawDate, { field: 'on', range: this.dates });
    const directory = this.recognitions.directory;
    const unit = await directory.unitAt(unitId, date);
    if (!unit || !(isSystemAdmin(identity) || (await directory.isWithin(unitId, identity.jurisdictionUnitId, date)))) return null;
    return this.recognitions.bodies.resolve(directory, unit, date);
  }

  /** R2's configuration in force on a date (every unit kind). */
  async recognisingBodyRules(caller: Caller, rawDate: string): Promise<RecognisingBodyRuleView[]> {
    requireCaller(caller);
    const date = inputDate(rawDate, { field: 'on', range: this.dates });
    return this.recognitions.bodies.inForce(date);
  }

  revisionsOf(recognition: RecognitionView): Promise<RecognitionRevisionView[]> {
    return this.recognitions.revisions(recognition.id);
  }

  /** The unit's decision for `year`, when the unit lies in the caller's jurisdiction today or on the decision date. */
  async forUnit(caller: Caller, unitId: string, rawYear: number): Promise<RecognitionView | null> {
    const identity = requireCaller(caller);
    const year = this.year(rawYear);
    const recognition = await this.recognitions.ofUnitAndYear(unitId, year);
    if (!recognition) return null;
    if (isSystemAdmin(identity)) return recognition;
    for (const date of new Set([this.clock.today(), recognition.decidedOn])) {
      if (await this.recognitions.directory.isWithin(unitId, identity.jurisdictionUnitId, date)) return recognition;
    }
    return null;
  }

  /** Decisions of `year` taken by a level (default: the caller's own), when that level lies in the caller's jurisdiction today. */
  async decidedBy(caller: Caller, rawDecidingUnitId: string | null | undefined, rawYear: number): Promise<RecognitionView[]> {
    const identity = requireCaller(caller);
    const year = this.year(rawYear);
    const decidingUnitId = inputOptionalId(rawDecidingUnitId, { field: 'decidingUnitId' }) ?? identity.jurisdictionUnitId;
    if (!isSystemAdmin(identity) && !(await this.recognitions.directory.isWithin(decidingUnitId, identity.jurisdictionUnitId, this.clock.today()))) return [];
    return this.recognitions.decidedBy(decidingUnitId, year);
  }

  /** The competent body on `date` (R2 from the configuration), once the caller's jurisdiction holds it; else the stable refusals. */
  private async competentBody(tx: RecognitionReader | RecognitionTransaction, identity: Identity, unitId: string, date: string): Promise<string> {
    const unit = await tx.directory.unitAt(unitId, date);
    if (!unit) throw recognitionErrors.unitNotFound(unitId, 'unitId', date);
    const { bodyUnitId } = await tx.bodies.resolve(tx.directory, unit, date);
    if (bodyUnitId === null) throw recognitionErrors.noRecognisingBody(unitId, date);
    if (!isSystemAdmin(identity) && !(await tx.directory.isWithin(bodyUnitId, identity.jurisdictionUnitId, date))) {
      throw recognitionErrors.recognisingBodyRequired(bodyUnitId, date);
    }
    return bodyUnitId;
  }

  private year(value: number, field = 'year'): number {
    const earliest = Number(this.dates.earliest.slice(0, 4));
    const latest = Number(this.dates.latest.slice(0, 4));
    if (!Number.isInteger(value) || value < earliest || value > latest) throw recognitionErrors.invalidYear(field, earliest, latest);
    return value;
  }

  private optionalText(value: string | null | undefined, field: string, max: number, multiline = false): string | null {
    return value === null || value === undefined ? null : inputText(value, { field, max, multiline });
  }
}
