import path from 'node:path';
import { REPO_ROOT, type ServiceName } from '@antt/infra';

/** A service `npm start` runs: where its code and schema live, its port and how to tell it is ready. */
export interface PlatformService {
  name: string;
  entry: string;
  port: number;
  readyPath: '/ready' | '/health';
  /** The service's folder holding `prisma.config.ts`, when it owns a database. */
  prismaProject?: string;
  database?: ServiceName;
}

/** Started in this order, stopped in reverse: subgraphs and workers first, the gateway last. */
export const PLATFORM_SERVICES: readonly PlatformService[] = [
  {
    name: 'org-units',
    entry: 'apps/org-units/src/main.ts',
    port: 4001,
    readyPath: '/ready',
    prismaProject: path.join(REPO_ROOT, 'apps/org-units'),
    database: 'org-units',
  },
  {
    name: 'campaigns',
    entry: 'apps/campaigns/src/main.ts',
    port: 4002,
    readyPath: '/ready',
    prismaProject: path.join(REPO_ROOT, 'apps/campaigns'),
    database: 'campaigns',
  },
  {
    name: 'assessments',
    entry: 'apps/assessments/src/main.ts',
    port: 4003,
    readyPath: '/ready',
    prismaProject: path.join(REPO_ROOT, 'apps/assessments'),
    database: 'assessments',
  },
  {
    name: 'models',
    entry: 'apps/models/src/main.ts',
    port: 4004,
    readyPath: '/ready',
    prismaProject: path.join(REPO_ROOT, 'apps/models'),
    database: 'models',
  },
  {
    name: 'awards',
    entry: 'apps/awards/src/main.ts',
    port: 4005,
    readyPath: '/ready',
    prismaProject: path.join(REPO_ROOT, 'apps/awards'),
    database: 'awards',
  },
  // The gateway's database holds the external agencies' API keys (tables created by the gateway at start).
  { name: 'gateway', entry: 'apps/gateway/src/main.ts', port: 4000, readyPath: '/health', database: 'gateway' },
];
