export * from './security-teams';
export * from './team-rating.rules';
export * from './team-rating.service';
