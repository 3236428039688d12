/** What other projects (the demo loader, tests) use from awards. */
export { startAwards, type AwardsAppOptions } from './app';
export { loadAwardsConfig, type AwardsConfig } from './config';
export { createAwardsDomain } from './domain/awards.module';
export { createPrismaClient, type AwardsPrisma } from './infrastructure/prisma-client';
