export * from './assessment.errors';
export * from './assessment.events';
export * from './assessment.repository';
export * from './assessment.service';
export * from './assessment.types';
export * from './review-chain';
