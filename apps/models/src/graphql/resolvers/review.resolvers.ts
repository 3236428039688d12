import { labelOf } from '../../domain/shared';
import { type ModelReviewResolvers } from '../__generated__/resolvers-types';

export const ModelReview: ModelReviewResolvers = {
  windowProvinceId: (review) => review.provinceId,
  ratingLabel: (review) => labelOf('ModelRating', review.rating),
  reviewerUnit: (review) => ({ id: review.reviewerUnitId }),
};
