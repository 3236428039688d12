import { randomUUID } from 'node:crypto';
import { type Identity, forbidden } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type ModelsInput, addDays } from '../shared';
import { followHosts } from './host-follow';
import { modelCreated, modelDissolved, modelReplicated, modelResumed, modelSuspended } from './model.events';
import { modelErrors } from './model.errors';
import { type ModelPolicy } from './model.policy';
import { type ModelRepository, type ModelTransaction } from './model.repository';
import { assertChangeDate, assertTransition } from './model.rules';
import { type CreateModelInput, type DefineModelTypeInput, type DissolveModelInput, type ModelTypeView, type ModelView, type ReplicateModelInput, type ResumeModelInput, type SuspendModelInput } from './model.types';

/** Who asks, and the request's id for the events' correlation. */
export interface CommandContext {
  caller: Identity | null;
  correlationId: string | undefined;
}

/**
 * The model commands. Each is ONE transaction that checks the rules and the caller's jurisdiction on the unit directory as of
 * every date the change touches, then writes the state, the audit row and the outbox event. When a rule fails nothing is
 * written.
 */
export class ModelService {
  constructor(
    private readonly models: ModelRepository,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
  ) {}

  /** Adds a type to the catalogue or changes one (name, description, active); an inactive type takes no new models. */
  async defineType(context: CommandContext, raw: DefineModelTypeInput): Promise<ModelTypeView> {
    this.policy.cataloguer(context.caller);
    const type = {
      code: this.input.code(raw.code),
      name: this.input.name(raw.name),
      description: this.input.optionalDescription(raw.description),
      active: raw.active ?? true,
    };
    return this.models.transaction((tx) => tx.putType(type));
  }

  async createModel(context: CommandContext, raw: CreateModelInput): Promise<ModelView> {
    const identity = this.policy.editor(context.caller);
    const name = this.input.name(raw.name);
    const typeCode = this.input.code(raw.typeCode, 'typeCode');
    const hostUnitId = this.input.id(raw.hostUnitId, 'hostUnitId');
    const foundedOn = this.input.date(raw.foundedOn, 'foundedOn');
    const description = this.input.optionalDescription(raw.description);
    const today = this.clock.today();
    if (foundedOn > today) throw modelErrors.dateInFuture('foundedOn', foundedOn, today);
    return this.models.transaction(async (tx) => {
      await this.assertHost(tx, identity, hostUnitId, foundedOn, today);
      const type = await tx.type(typeCode);
      if (!type?.active) throw modelErrors.typeUnknown(typeCode);
      const model = this.newModel({ name, typeCode, hostUnitId, foundedOn, description, replicatedFromId: null });
      await tx.insert(model, this.audit(identity, foundedOn, null));
      await tx.appendEvents([modelCreated(model, context.correlationId)]);
      return this.followHost(tx, model);
    });
  }

  async replicateModel(context: CommandContext, raw: ReplicateModelInput): Promise<ModelView> {
    const identity = this.policy.editor(context.caller);
    const sourceModelId = this.input.id(raw.sourceModelId, 'sourceModelId');
    const hostUnitId = this.input.id(raw.hostUnitId, 'hostUnitId');
    const foundedOn = this.input.date(raw.foundedOn, 'foundedOn');
    const rawName = raw.name === null || raw.name === undefined ? null : this.input.name(raw.name);
    const description = this.input.optionalDescription(raw.description);
    const today = this.clock.today();
    if (foundedOn > today) throw modelErrors.dateInFuture('foundedOn', foundedOn, today);
    return this.models.transaction(async (tx) => {
      const source = await tx.find(sourceModelId);
      if (!source || !(await this.policy.canRead(tx.directory, context.caller, source.hostUnitId, [today, source.statusOn]))) {
        throw modelErrors.notFound(sourceModelId, 'sourceModelId');
      }
      if (source.hostUnitId === hostUnitId) throw modelErrors.replicaSameHost(hostUnitId);
      if (source.status === 'DISSOLVED') throw modelErrors.invalidTransition(source.id, source.status, 'REPLICATED');
      if (foundedOn < source.foundedOn) throw modelErrors.dateBeforeFounding('foundedOn', foundedOn, source.foundedOn);
      await this.assertHost(tx, identity, hostUnitId, foundedOn, today);
      const model = this.newModel({ name: rawName ?? source.name, typeCode: source.typeCode, hostUnitId, foundedOn, description, replicatedFromId: source.id }, source.lineageRootId);
      await tx.insert(model, this.audit(identity, foundedOn, null));
      await tx.appendEvents([modelReplicated(model, source.id, context.correlationId)]);
      return this.followHost(tx, model);
    });
  }

  async suspendModel(context: CommandContext, raw: SuspendModelInput): Promise<ModelView> {
    const identity = this.policy.manager(context.caller);
    const id = this.input.id(raw.modelId, 'modelId');
    const suspendedOn = this.input.date(raw.suspendedOn, 'suspendedOn');
    const reason = this.input.reason(raw.reason);
    return this.models.transaction(async (tx) => {
      const model = await this.lockManaged(tx, context, identity, id, suspendedOn);
      assertTransition(model.id, model.status, 'SUSPENDED');
      assertChangeDate('suspendedOn', suspendedOn, model.statusOn, this.clock.today());
      const changed = await tx.changeStatus(model, 'SUSPENDED', this.audit(identity, suspendedOn, reason));
      await tx.appendEvents([modelSuspended(changed, suspendedOn, reason, context.correlationId)]);
      return changed;
    });
  }

  /** SUSPENDED → ACTIVE by the managing level, on a date not before the suspension nor after today; audited, published. */
  async resumeModel(context: CommandContext, raw: ResumeModelInput): Promise<ModelView> {
    const identity = this.policy.manager(context.caller);
    const id = this.input.id(raw.modelId, 'modelId');
    const resumedOn = this.input.date(raw.resumedOn, 'resumedOn');
    const reason = this.input.reason(raw.reason);
    return this.models.transaction(async (tx) => {
      const model = await this.lockManaged(tx, context, identity, id, resumedOn);
      assertTransition(model.id, model.status, 'ACTIVE');
      assertChangeDate('resumedOn', resumedOn, model.statusOn, this.clock.today());
      const changed = await tx.changeStatus(model, 'ACTIVE', this.audit(identity, resumedOn, reason));
      await tx.appendEvents([modelResumed(changed, resumedOn, reason, context.correlationId)]);
      return changed;
    });
  }

  async dissolveModel(context: CommandContext, raw: DissolveModelInput): Promise<ModelView> {
    const identity = this.policy.manager(context.caller);
    const id = this.input.id(raw.modelId, 'modelId');
    const dissolvedOn = this.input.date(raw.dissolvedOn, 'dissolvedOn');
    const reason = this.input.reason(raw.reason);
    const decisionNumber = this.input.requiredText(raw.decisionNumber, 'decisionNumber', 'MODEL_DISSOLUTION_DECISION_REQUIRED');
    const decisionDate = this.input.requiredDate(raw.decisionDate, 'decisionDate', 'MODEL_DISSOLUTION_DECISION_REQUIRED');
    if (decisionDate > dissolvedOn) throw modelErrors.decisionAfterDissolution(decisionDate, dissolvedOn);
    return this.models.transaction(async (tx) => {
      const model = await this.lockManaged(tx, context, identity, id, decisionDate, dissolvedOn);
      assertTransition(model.id, model.status, 'DISSOLVED');
      assertChangeDate('dissolvedOn', dissolvedOn, model.statusOn, this.clock.today());
      const decision = { number: decisionNumber, date: decisionDate, decidedByUnitId: identity.jurisdictionUnitId };
      const changed = await tx.changeStatus(model, 'DISSOLVED', this.audit(identity, dissolvedOn, reason), decision);
      await tx.appendEvents([modelDissolved(changed, decision, context.correlationId)]);
      return changed;
    });
  }

  /**
   * The model, locked, when the caller may see it (else as absent) and acts as its host's managing level on every date the
   * change touches (else FORBIDDEN).
   */
  async lockManaged(tx: ModelTransaction, context: CommandContext, identity: Identity, id: string, ...dates: string[]): Promise<ModelView> {
    const model = await tx.lock(id);
    const today = this.clock.today();
    if (!model || !(await this.policy.canRead(tx.directory, context.caller, model.hostUnitId, [today, model.statusOn]))) throw modelErrors.notFound(id, 'modelId');
    await this.policy.assertManagingLevel(tx.directory, identity, model.hostUnitId, dates, () => modelErrors.notFound(id, 'modelId'));
    return model;
  }

  /**
   * The host exists on `foundedOn`, and the caller places models on it from then to today. A host that has ceased to exist
   * since (merged, split) is checked on itself up to the day before, then on the unit that continues it (the unit the model
   * will follow to, see `followHosts`) from that day: the caller must hold both on the tree itself (writes never inherit).
   */
  private async assertHost(tx: ModelTransaction, identity: Identity, hostUnitId: string, foundedOn: string, today: string): Promise<void> {
    const host = await tx.directory.unitAt(hostUnitId, foundedOn);
    if (!host) throw modelErrors.unitNotFound(hostUnitId, 'hostUnitId', foundedOn);
    let unit = hostUnitId;
    let from = foundedOn;
    for (let hop = 0; hop < 32; hop += 1) {
      const link = await tx.directory.continuationOf(unit, { through: 'ANY' });
      const until = link && link.effectiveDate > from && link.effectiveDate <= today ? link.effectiveDate : null;
      const absent =
        hop === 0
          ? () => modelErrors.unitNotFound(hostUnitId, 'hostUnitId', foundedOn)
          : () => forbidden('OUTSIDE_JURISDICTION', 'The change reaches a date on which the unit lies outside your jurisdiction.', { unitId: unit, date: from });
      await this.policy.assertCanPlace(tx.directory, identity, unit, from, until ? addDays(until, -1) : today, absent);
      if (!link || !until) return;
      unit = link.toUnitId;
      from = until;
    }
  }

  /** A model just placed on a host that has ceased to exist follows it to the unit that continues it (same transaction). */
  private async followHost(tx: ModelTransaction, model: ModelView): Promise<ModelView> {
    if ((await followHosts(tx.client, [model.hostUnitId])) === 0) return model;
    return (await tx.find(model.id)) ?? model;
  }

  private newModel(fields: Pick<ModelView, 'name' | 'typeCode' | 'hostUnitId' | 'foundedOn' | 'description' | 'replicatedFromId'>, lineageRootId?: string): ModelView {
    const id = randomUUID();
    return {
      id,
      ...fields,
      lineageRootId: lineageRootId ?? id,
      status: 'ACTIVE',
      statusOn: fields.foundedOn,
      statusReason: null,
      dissolutionProposedOn: null,
      decision: null,
      revision: 1,
    };
  }

  private audit(identity: Identity, on: string, reason: string | null) {
    return { actor: identity.subject, actorUnitId: identity.jurisdictionUnitId, on, reason };
  }
}
