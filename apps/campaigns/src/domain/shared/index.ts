export * from './dates';
export * from './labels';
export { type UnitRef } from './unit-ref';
export { CampaignInput } from './campaign-input';
