import path from 'node:path';
import { DEV_JWT_HS256_SECRET, mintDevToken, type Role } from '@antt/auth';
import { freePort, printWarnings, raisedRateLimits, REPO_ROOT, startGatewayService, startServiceProcess, type ServiceProcess } from '@antt/infra';
import { createIsolatedTopics, createMigratedTestDatabase, getTestInfra, type TestDatabase, uniqueName } from '@antt/testing';
import { readStackCoordinates } from './config';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; subgraph?: string; limit?: number } }>;
  /** The gateway's own reports, e.g. `valueCompletion` (a non-null field it had to null). */
  extensions?: Record<string, unknown>;
}

/** A running service as a spec reaches it (the process itself belongs to the global set-up). */
export interface ServiceEndpoint {
  name: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/graphql` */
  graphqlUrl: string;
}

/** A database of the stack, for a spec to read (never to drop: the global tear-down does). */
export interface StackDatabase {
  name: string;
  url: string;
}

/** Where the shared stack runs: plain data, handed from the global set-up to every spec (see `config.ts`). */
export interface StackCoordinates {
  /** Prefix of this stack's own topics (`KAFKA_TOPIC_PREFIX` of its services). */
  topicPrefix: string;
  kafkaBrokers: string[];
  orgUnitsDatabase: StackDatabase;
  campaignsDatabase: StackDatabase;
  modelsDatabase: StackDatabase;
  assessmentsDatabase: StackDatabase;
  awardsDatabase: StackDatabase;
  orgUnits: ServiceEndpoint;
  campaigns: ServiceEndpoint;
  models: ServiceEndpoint;
  assessments: ServiceEndpoint;
  awards: ServiceEndpoint;
  gateway: ServiceEndpoint;
}

/**
 * The platform-e2e stack as a spec sees it: org-units, campaigns, models, assessments, awards and the gateway as real processes
 * on migrated databases and topics of their own, started once for the whole jest run and shared by every spec.
 */
export interface Stack extends StackCoordinates {
  /** A client request to the gateway, with `token` as bearer (none: anonymous). */
  query<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  token(roles: Role[], unitId: string): Promise<string>;
}

/** The stack as the global set-up holds it: its coordinates and what stops it. */
export interface RunningStack {
  coordinates: StackCoordinates;
  /** Stops the processes (the gateway first), then drops the databases and the topics. */
  stop(): Promise<void>;
}

/** The subgraphs' GraphQL URLs a gateway is given. */
export type SubgraphUrls = Record<'orgUnits' | 'campaigns' | 'models' | 'assessments' | 'awards', string>;

/** A client of the gateway at `graphqlUrl`: one request, `token` as bearer (none: anonymous). */
export function gatewayQuery(graphqlUrl: string): Stack['query'] {
  return async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
}

/** The shared stack that the global set-up started (`jest.integration.config.cjs`); fails with a hint when there is none. */
export function sharedStack(): Stack {
  const coordinates = readStackCoordinates();
  return {
    ...coordinates,
    query: gatewayQuery(coordinates.gateway.graphqlUrl),
    token: (roles, unitId) => mintDevToken({ subject: `e2e:${roles.join('+')}`, roles, unitId, secret: DEV_JWT_HS256_SECRET }),
  };
}

function serviceEnv(topicPrefix: string, kafkaBrokers: string[]): Record<string, string> {
  return { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: topicPrefix };
}

/**
 * A gateway process in front of `subgraphs`, configured as the stack's own (rate limits lifted, other limits the defaults):
 * the stack starts one, and a spec that must cut a subgraph off starts another in front of a proxy of its own.
 */
export async function startStackGateway(subgraphs: SubgraphUrls, topics: { topicPrefix: string; kafkaBrokers: string[] }): Promise<ServiceProcess> {
  return startGatewayService(
    {
      ...serviceEnv(topics.topicPrefix, topics.kafkaBrokers),
      ORG_UNITS_URL: subgraphs.orgUnits,
      CAMPAIGNS_URL: subgraphs.campaigns,
      MODELS_URL: subgraphs.models,
      ASSESSMENTS_URL: subgraphs.assessments,
      AWARDS_URL: subgraphs.awards,
      // Every request of a test comes from one address and a few subjects: the rate limits are not what is tested here.
      GATEWAY_LIMITS: raisedRateLimits(100_000),
    },
    printWarnings('gateway'),
  );
}

function endpoint(service: ServiceProcess): ServiceEndpoint {
  return { name: service.name, baseUrl: service.baseUrl, graphqlUrl: service.graphqlUrl };
}

function readable(database: TestDatabase): StackDatabase {
  return { name: database.name, url: database.url };
}

/** Starts the stack: called once per jest run by the global set-up (`global-setup.ts`), never by a spec. */
export async function startStack(): Promise<RunningStack> {
  const infra = await getTestInfra();
  // The five databases are independent: migrated side by side.
  const migrated = (prefix: string, app: string) => createMigratedTestDatabase(prefix, path.join(REPO_ROOT, 'apps', app));
  const made = await Promise.allSettled([
    migrated('e2e_ou_', 'org-units'),
    migrated('e2e_cp_', 'campaigns'),
    migrated('e2e_md_', 'models'),
    migrated('e2e_as_', 'assessments'),
    migrated('e2e_aw_', 'awards'),
  ]);
  // Topics of their own, so that the test never feeds a developer's running platform on the same broker.
  const topicsMade = await createIsolatedTopics().then(
    (value) => ({ value }),
    (reason: unknown) => ({ reason }),
  );
  const failedSetup = made.find((result) => result.status === 'rejected');
  if (failedSetup || !('value' in topicsMade)) {
    // Whatever was made is dropped again before the failure is reported.
    for (const result of made) if (result.status === 'fulfilled') await result.value.drop();
    if ('value' in topicsMade) await topicsMade.value.drop();
    throw failedSetup ? failedSetup.reason : (topicsMade as { reason: unknown }).reason;
  }
  const [orgUnitsDatabase, campaignsDatabase, modelsDatabase, assessmentsDatabase, awardsDatabase] = made.map(
    (result) => (result as PromiseFulfilledResult<TestDatabase>).value,
  ) as [TestDatabase, TestDatabase, TestDatabase, TestDatabase, TestDatabase];
  const topics = topicsMade.value;
  const common = serviceEnv(topics.prefix, infra.kafkaBrokers);
  const started: ServiceProcess[] = [];
  /** Starts `apps/<name>` as a process on the common variables plus `env`, stopped in reverse order by `tearDown`. */
  const startService = async (name: string, env: Record<string, string>): Promise<ServiceProcess> => {
    const service = await startServiceProcess({ name, entry: `apps/${name}/src/main.ts`, port: await freePort(), env: { ...common, ...env }, onOutput: printWarnings(name) });
    started.push(service);
    return service;
  };
  const tearDown = async () => {
    // The gateway first (no request reaches a stopping subgraph), then the subgraphs side by side: each only waits for its
    // own consumers and relay to stop.
    const gateway = started.find((service) => service.name === 'gateway');
    await gateway?.stop();
    await Promise.all(started.filter((service) => service !== gateway).map((service) => service.stop()));
    await Promise.all([orgUnitsDatabase, campaignsDatabase, modelsDatabase, assessmentsDatabase, awardsDatabase].map((database) => database.drop()));
    await topics.drop();
  };
  try {
    // The five subgraphs start side by side (none calls another; each only needs its database and the broker); every one that
    // started is in `started` before a failure of another is thrown, so that the tear-down stops it.
    const settled = await Promise.allSettled([
      startService('org-units', { DATABASE_URL: orgUnitsDatabase.url }),
      startService('campaigns', { DATABASE_URL: campaignsDatabase.url, UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-unit-directory-'), ATTAINMENT_GROUP_ID: uniqueName('e2e-attainment-') }),
      startService('models', { DATABASE_URL: modelsDatabase.url, MODELS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-models-unit-directory-') }),
      startService('assessments', {
        DATABASE_URL: assessmentsDatabase.url,
        ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-assessments-unit-directory-'),
        ASSESSMENTS_FACTS_GROUP_ID: uniqueName('e2e-assessments-facts-'),
      }),
      startService('awards', {
        DATABASE_URL: awardsDatabase.url,
        AWARDS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-awards-unit-directory-'),
        AWARDS_FACTS_GROUP_ID: uniqueName('e2e-awards-facts-'),
      }),
    ]);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [orgUnits, campaigns, models, assessments, awards] = settled.map((result) => (result as PromiseFulfilledResult<ServiceProcess>).value) as [
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
      ServiceProcess,
    ];
    const gateway = await startStackGateway(
      { orgUnits: orgUnits.graphqlUrl, campaigns: campaigns.graphqlUrl, models: models.graphqlUrl, assessments: assessments.graphqlUrl, awards: awards.graphqlUrl },
      { topicPrefix: topics.prefix, kafkaBrokers: infra.kafkaBrokers },
    );
    started.push(gateway);
    return {
      coordinates: {
        topicPrefix: topics.prefix,
        kafkaBrokers: infra.kafkaBrokers,
        orgUnitsDatabase: readable(orgUnitsDatabase),
        campaignsDatabase: readable(campaignsDatabase),
        modelsDatabase: readable(modelsDatabase),
        assessmentsDatabase: readable(assessmentsDatabase),
        awardsDatabase: readable(awardsDatabase),
        orgUnits: endpoint(orgUnits),
        campaigns: endpoint(campaigns),
        models: endpoint(models),
        assessments: endpoint(assessments),
        awards: endpoint(awards),
        gateway: endpoint(gateway),
      },
      stop: tearDown,
    };
  } catch (error) {
    await tearDown();
    throw error;
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
