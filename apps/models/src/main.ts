import { startModels } from './app';
import { loadModelsConfig } from './config';

startModels(loadModelsConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
