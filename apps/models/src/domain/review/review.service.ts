import { randomUUID } from 'node:crypto';
import { type Clock } from '@antt/service-kit';
import { type CommandContext, type ModelPolicy, type ModelRepository, type ModelService, modelErrors } from '../model';
import { type ModelsInput } from '../shared';
import { effectiveModelChanged, modelReviewed } from './review.events';
import { reviewErrors } from './review.errors';
import { ReviewStore } from './review.repository';
import { type EvaluationWindows, unitWindow } from '../window';
import { CRITERIA_SET_CODE, ineffectiveStreakReached } from './review.rules';
import { type ReviewModelInput, type ReviewView } from './review.types';

/**
 * Effectiveness reviews. One transaction locks the model, checks that the caller is the host's managing level on the review
 * date and the window's end, reads the host kind's window of the year from the window rules of the province the host lay in
 * (`unitWindow`; under the lock a new rule version waits for), writes the review (superseding an earlier one of the window), sets or clears the dissolution
 * proposal, re-derives the host's effective-model fact for the window and appends the events.
 */
export class ReviewService {
  constructor(
    private readonly models: ModelRepository,
    private readonly modelService: ModelService,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
    private readonly ineffectiveStreak: number,
    private readonly windows: EvaluationWindows,
  ) {}

  async reviewModel(context: CommandContext, raw: ReviewModelInput): Promise<ReviewView> {
    const identity = this.policy.manager(context.caller);
    const modelId = this.input.id(raw.modelId, 'modelId');
    const year = this.input.year(raw.year);
    const reviewedOn = this.input.date(raw.reviewedOn, 'reviewedOn');
    const criteriaMet = this.input.codes(raw.criteriaMet, 'criteriaMet');
    const evidence = this.input.texts(raw.evidence, 'evidence', 50);
    const reason = this.input.reason(raw.reason);
    const today = this.clock.today();
    if (reviewedOn > today) throw modelErrors.dateInFuture('reviewedOn', reviewedOn, today);
    return this.models.transaction(async (tx) => {
      const model = await this.modelService.lockManaged(tx, context, identity, modelId, reviewedOn);
      if (model.status === 'DISSOLVED') throw reviewErrors.modelDissolved(model.id);
      const host = await tx.directory.unitAt(model.hostUnitId, reviewedOn);
      if (!host) throw modelErrors.notFound(modelId, 'modelId');
      const window = await unitWindow(tx.directory, await this.windows.inTransaction(tx.client), { unitId: host.unitId, kind: host.kind }, year, reviewedOn);
      if (reviewedOn < window.start) throw reviewErrors.beforeWindow(reviewedOn, window.start);
      if (model.foundedOn > window.end) throw reviewErrors.modelNotInWindow(model.id, model.foundedOn, window.end);
      const store = new ReviewStore(tx.client);
      const criteria = await store.criteriaSetOn(CRITERIA_SET_CODE, window.end);
      if (!criteria) throw reviewErrors.noCriteriaSet(window.end);
      const known = new Set(criteria.criteria.map((criterion) => criterion.code));
      criteriaMet.forEach((code, index) => {
        if (!known.has(code)) throw reviewErrors.criterionUnknown(code, index, criteria.code, criteria.version);
      });

      const review: ReviewView = {
        id: randomUUID(),
        modelId: model.id,
        hostUnitId: model.hostUnitId,
        year,
        windowStart: window.start,
        windowEnd: window.end,
        provinceId: window.provinceId,
        rating: raw.rating,
        criteriaSetCode: criteria.code,
        criteriaVersion: criteria.version,
        criteriaMet,
        reviewerUnitId: identity.jurisdictionUnitId,
        reviewedOn,
        evidence,
        reason,
        actor: identity.subject,
        current: true,
      };
      await store.insertCurrent(review);

      const proposed = ineffectiveStreakReached(await store.currentReviewsOf(model.id), this.ineffectiveStreak);
      if (proposed !== (model.dissolutionProposedOn !== null)) await tx.setDissolutionProposal(model.id, proposed ? reviewedOn : null);
      const events = [modelReviewed(review, proposed, context.correlationId)];

      await store.lockFact(model.hostUnitId, year);
      const effectiveModelIds = await store.effectiveModelIds(model.hostUnitId, year);
      const previous = await store.fact(model.hostUnitId, year);
      const hasEffectiveModel = effectiveModelIds.length > 0;
      if (!previous || previous.hasEffectiveModel !== hasEffectiveModel || previous.effectiveModelIds.join() !== effectiveModelIds.join()) {
        const fact = {
          unitId: model.hostUnitId,
          year,
          windowStart: window.start,
          windowEnd: window.end,
          hasEffectiveModel,
          effectiveModelIds,
          revision: (previous?.revision ?? 0) + 1,
        };
        await store.putFact(fact);
        if (!previous || previous.hasEffectiveModel !== hasEffectiveModel) events.push(effectiveModelChanged(fact, reviewedOn, context.correlationId));
      }
      await tx.appendEvents(events);
      return review;
    });
  }
}
