import { startAssessments } from './app';
import { loadAssessmentsConfig } from './config';

startAssessments(loadAssessmentsConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
