import { randomUUID } from 'node:crypto';
import { type Caller } from '@antt/auth';
import { type Clock } from '@antt/service-kit';
import { type CommandContext, type ModelPolicy, type ModelRepository, modelErrors } from '../model';
import { type ModelsInput } from '../shared';
import { exampleRecognised } from './example.events';
import { ExampleStore } from './example.repository';
import { type AdvancedExampleView, type RecogniseExampleInput } from './example.types';

/**
 * Advanced examples: a level (manager role) recognises an individual or a collective of a unit inside its jurisdiction on the
 * recognition date; one transaction writes it and its event (awards use it as evidence).
 */
export class ExampleService {
  constructor(
    private readonly models: ModelRepository,
    private readonly examples: ExampleStore,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
  ) {}

  async recognise(context: CommandContext, raw: RecogniseExampleInput): Promise<AdvancedExampleView> {
    const identity = this.policy.manager(context.caller);
    const name = this.input.name(raw.name);
    const unitId = this.input.id(raw.unitId, 'unitId');
    const modelId = this.input.optionalId(raw.modelId, 'modelId');
    const achievement = this.input.reason(raw.achievement, 'achievement');
    const recognisedOn = this.input.date(raw.recognisedOn, 'recognisedOn');
    const decisionNumber = raw.decisionNumber === null || raw.decisionNumber === undefined ? null : this.input.name(raw.decisionNumber, 'decisionNumber');
    const today = this.clock.today();
    if (recognisedOn > today) throw modelErrors.dateInFuture('recognisedOn', recognisedOn, today);
    return this.models.transaction(async (tx) => {
      if (!(await tx.directory.unitAt(unitId, recognisedOn))) throw modelErrors.unitNotFound(unitId, 'unitId', recognisedOn);
      await this.policy.assertCanPlace(tx.directory, identity, unitId, recognisedOn, recognisedOn, () => modelErrors.unitNotFound(unitId, 'unitId', recognisedOn));
      if (modelId) {
        const model = await tx.find(modelId);
        if (!model || !(await this.policy.canRead(tx.directory, context.caller, model.hostUnitId, [recognisedOn, today]))) throw modelErrors.notFound(modelId, 'modelId');
      }
      const example: AdvancedExampleView = {
        id: randomUUID(),
        kind: raw.kind,
        name,
        unitId,
        modelId,
        achievement,
        recognisedByUnitId: identity.jurisdictionUnitId,
        recognisedOn,
        decisionNumber,
      };
      await new ExampleStore(tx.client).insert(example, identity.subject);
      await tx.appendEvents([exampleRecognised(example, context.correlationId)]);
      return example;
    });
  }

  /** Examples of units in the subtree of `unitId` (default: the caller's jurisdiction) today, optionally of one year. */
  async list(caller: Caller, rawUnitId: string | null | undefined, rawYear: number | null | undefined): Promise<AdvancedExampleView[]> {
    const unitId = this.input.optionalId(rawUnitId, 'unitId');
    const year = rawYear === null || rawYear === undefined ? null : this.input.year(rawYear);
    const today = this.clock.today();
    const root = unitId ?? this.policy.listRoot(caller);
    if (root === null) return this.examples.ofUnits(null, year);
    if (!(await this.policy.canReadUnit(this.models.directory, caller, root, [today]))) return [];
    const units = [root, ...(await this.models.directory.descendantsOf(root, today)).map((entry) => entry.unitId)];
    return this.examples.ofUnits(units, year);
  }
}
