export * from './campaign.types';
export * from './campaign.errors';
export * from './campaign.policy';
export * from './campaign-scope';
export * from './campaign.repository';
export * from './campaign.rules';
export * from './campaign.service';
export * from './campaign-query.service';
