import { startCampaigns } from './app';
import { loadCampaignsConfig } from './config';

startCampaigns(loadCampaignsConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
