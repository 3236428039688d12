/** What other projects (the demo loader, tests) use from campaigns. */
export { startCampaigns, type CampaignsAppOptions } from './app';
export { loadCampaignsConfig, type CampaignsConfig } from './config';
export { createCampaignsDomain } from './domain/campaigns.module';
export { createPrismaClient, type CampaignsPrisma } from './infrastructure/prisma-client';
