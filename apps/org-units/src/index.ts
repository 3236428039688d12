/** What other projects (the demo loader, the benchmark) use from org-units. */
export { importUnits, readImportFile, IMPORT_COLUMNS, type ImportOptions, type ImportResult, type ImportRow, type RejectedRow } from './import';
export { createOrgUnitsDatabase, createPrismaClient, type OrgUnitsDatabase, type PrismaClient } from './infrastructure/prisma-client';
export { startOrgUnits, type OrgUnitsAppOptions } from './app';
export { loadOrgUnitsConfig, type OrgUnitsConfig } from './config';
