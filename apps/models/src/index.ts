/** What other projects (the demo loader, tests) use from models. */
export { startModels, type ModelsAppOptions } from './app';
export { loadModelsConfig, type ModelsConfig } from './config';
export { createModelsDomain } from './domain/models.module';
export { createPrismaClient, type ModelsPrisma } from './infrastructure/prisma-client';
