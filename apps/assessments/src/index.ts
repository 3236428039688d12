/** What other projects (tests, tools) use from assessments. */
export { startAssessments, type AssessmentsAppOptions } from './app';
export { loadAssessmentsConfig, type AssessmentsConfig } from './config';
export { createAssessmentsDomain } from './domain/assessments.module';
export { createPrismaClient, type AssessmentsPrisma } from './infrastructure/prisma-client';
