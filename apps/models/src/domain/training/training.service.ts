import { randomUUID } from 'node:crypto';
import { type Clock } from '@antt/service-kit';
import { assertChangeDate, type CommandContext, type ModelPolicy, type ModelRepository, type ModelView, modelErrors } from '../model';
import { type ModelsInput } from '../shared';
import { trainingHeld } from './training.events';
import { TrainingStore } from './training.repository';
import { trainingErrors, trainingOverdue } from './training.rules';
import { type RecordTrainingInput, type TrainingView } from './training.types';

/** Trainings of a model's members: recorded by the host (or a level above) in one transaction with its event. */
export class TrainingService {
  constructor(
    private readonly models: ModelRepository,
    private readonly trainings: TrainingStore,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
    private readonly periodDays: number,
  ) {}

  async recordTraining(context: CommandContext, raw: RecordTrainingInput): Promise<TrainingView> {
    const identity = this.policy.editor(context.caller);
    const modelId = this.input.id(raw.modelId, 'modelId');
    const heldOn = this.input.date(raw.heldOn, 'heldOn');
    const content = this.input.reason(raw.content, 'content');
    const trainer = this.input.name(raw.trainer, 'trainer');
    if (!Number.isInteger(raw.participants) || raw.participants < 1 || raw.participants > 100_000) throw trainingErrors.invalidParticipants(raw.participants);
    const today = this.clock.today();
    if (heldOn > today) throw modelErrors.dateInFuture('heldOn', heldOn, today);
    return this.models.transaction(async (tx) => {
      const model = await tx.lock(modelId);
      if (!model || !(await this.policy.canRead(tx.directory, context.caller, model.hostUnitId, [today, model.statusOn]))) throw modelErrors.notFound(modelId, 'modelId');
      assertChangeDate('heldOn', heldOn, model.foundedOn, today);
      if (model.status === 'DISSOLVED' && heldOn >= model.statusOn) throw modelErrors.invalidTransition(model.id, model.status, 'TRAINED');
      await this.policy.assertCanPlace(tx.directory, identity, model.hostUnitId, heldOn, today, () => modelErrors.notFound(modelId, 'modelId'));
      const training: TrainingView = { id: randomUUID(), modelId, heldOn, content, trainer, participants: raw.participants };
      await new TrainingStore(tx.client).insert(training, identity.subject);
      await tx.appendEvents([trainingHeld(training, model.hostUnitId, context.correlationId)]);
      return training;
    });
  }

  trainingsOf(model: ModelView): Promise<TrainingView[]> {
    return this.trainings.trainingsOf(model.id);
  }

  lastTrainingOn(model: ModelView, asOf?: string | null): Promise<string | null> {
    return this.trainings.lastOn(model.id, asOf ? this.input.date(asOf, 'asOf') : this.clock.today());
  }

  /** Whether the model's members had no training in the configured period up to `asOf` (default today). */
  async overdue(model: ModelView, rawAsOf?: string | null): Promise<boolean> {
    const asOf = rawAsOf ? this.input.date(rawAsOf, 'asOf') : this.clock.today();
    return trainingOverdue(model, await this.trainings.lastOn(model.id, asOf), asOf, this.periodDays);
  }
}
