import { EffectiveModelChangedV1, ModelReviewedV1, type EventContract } from '@antt/contracts';
import { type NewEvent } from '@antt/events';
import { type EffectiveModelFactView, type ReviewView } from './review.types';

type Event = NewEvent<EventContract>;

/** `models.model.reviewed.v1` */
export function modelReviewed(review: ReviewView, dissolutionProposed: boolean, correlationId: string | undefined): Event {
  return {
    contract: ModelReviewedV1,
    aggregateId: review.modelId,
    correlationId,
    data: {
      modelId: review.modelId,
      reviewId: review.id,
      hostUnitId: review.hostUnitId,
      year: review.year,
      windowStart: review.windowStart,
      windowEnd: review.windowEnd,
      rating: review.rating,
      criteriaSetCode: review.criteriaSetCode,
      criteriaVersion: review.criteriaVersion,
      criteriaMet: review.criteriaMet,
      reviewerUnitId: review.reviewerUnitId,
      reviewedOn: review.reviewedOn,
      dissolutionProposed,
    },
  };
}

/** `models.effective-model.changed.v1`, keyed by the unit. */
export function effectiveModelChanged(fact: EffectiveModelFactView, derivedOn: string, correlationId: string | undefined): Event {
  return { contract: EffectiveModelChangedV1, aggregateId: fact.unitId, correlationId, data: { ...fact, derivedOn } };
}
