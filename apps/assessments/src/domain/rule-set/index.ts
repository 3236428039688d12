export * from './review-plan.repository';
export * from './review-plan.types';
export * from './rule-set.repository';
export * from './rule-set.types';
