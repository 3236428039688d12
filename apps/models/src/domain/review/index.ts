export * from './review.types';
export * from './review.errors';
export * from './review.rules';
export * from './review.repository';
export * from './review.service';
export * from './review-query.service';
export * from './review.events';
