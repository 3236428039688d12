export * from './review-queue.types';
export * from './review-queue.rules';
export * from './review-queue.repository';
export * from './review-queue.service';
