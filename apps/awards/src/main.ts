import { startAwards } from './app';
import { loadAwardsConfig } from './config';

startAwards(loadAwardsConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
