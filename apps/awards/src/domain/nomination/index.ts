export { NominationService } from './nomination.service';
export { NominationRepository, NominationStore } from './nomination.repository';
export * from './nomination.types';
