export { NominationService } from './nomination.service';
export { EVENT_SOURCE, NominationRepository, NominationStore } from './nomination.repository';
export * from './nomination.types';
