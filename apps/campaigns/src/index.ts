/** What other projects (the demo loader, tests) use from campaigns. */
export { startCampaigns, type CampaignsAppOptions } from './app';
export { loadCampaignsConfig, type CampaignsConfig } from './config';
export { createPrismaClient, type CampaignsPrisma } from './infrastructure/prisma-client';
