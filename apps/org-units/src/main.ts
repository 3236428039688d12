import { startOrgUnits } from './app';
import { loadOrgUnitsConfig } from './config';

startOrgUnits(loadOrgUnitsConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
