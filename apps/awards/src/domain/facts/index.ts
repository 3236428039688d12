export { FACT_TOPICS, factHandlers } from './fact-projection';
export { CLASSIFICATION_RANKS, FactStore, type CampaignFactView, type UnitFacts } from './fact-store';
