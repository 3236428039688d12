import path from 'node:path';
import { DEV_JWT_HS256_SECRET, mintDevToken, type Role } from '@antt/auth';
import { freePort, REPO_ROOT, startServiceProcess, type ServiceProcess } from '@antt/infra';
import { createIsolatedTopics, createMigratedTestDatabase, getTestInfra, type TestDatabase, uniqueName } from '@antt/testing';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; subgraph?: string; limit?: number } }>;
}

/** org-units, campaigns, models, assessments, awards and the gateway as real processes on fresh, migrated databases and the test Kafka broker. */
export interface Stack {
  /** Prefix of this stack's own topics (`KAFKA_TOPIC_PREFIX` of its services). */
  topicPrefix: string;
  kafkaBrokers: string[];
  orgUnitsDatabase: TestDatabase;
  campaignsDatabase: TestDatabase;
  modelsDatabase: TestDatabase;
  assessmentsDatabase: TestDatabase;
  orgUnits: ServiceProcess;
  campaigns: ServiceProcess;
  models: ServiceProcess;
  assessments: ServiceProcess;
  awardsDatabase: TestDatabase;
  awards: ServiceProcess;
  gateway: ServiceProcess;
  /** A client request to the gateway, with `token` as bearer (none: anonymous). */
  query<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  token(roles: Role[], unitId: string): Promise<string>;
  stop(): Promise<void>;
}

const echo = (name: string) => (line: string) => {
  if (/"level":(40|50|60)/.test(line) || !line.startsWith('{')) process.stdout.write(`[${name}] ${line}\n`);
};

export async function startStack(): Promise<Stack> {
  const infra = await getTestInfra();
  const orgUnitsDatabase = await createMigratedTestDatabase('e2e_ou_', path.join(REPO_ROOT, 'apps/org-units'));
  const campaignsDatabase = await createMigratedTestDatabase('e2e_cp_', path.join(REPO_ROOT, 'apps/campaigns'));
  const modelsDatabase = await createMigratedTestDatabase('e2e_md_', path.join(REPO_ROOT, 'apps/models'));
  const assessmentsDatabase = await createMigratedTestDatabase('e2e_as_', path.join(REPO_ROOT, 'apps/assessments'));
  const awardsDatabase = await createMigratedTestDatabase('e2e_aw_', path.join(REPO_ROOT, 'apps/awards'));
  // Topics of their own, so that the test never feeds a developer's running platform on the same broker.
  const topics = await createIsolatedTopics();
  const common = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topics.prefix,
  };
  const started: ServiceProcess[] = [];
  try {
    const orgUnits = await startServiceProcess({
      name: 'org-units',
      entry: 'apps/org-units/src/main.ts',
      port: await freePort(),
      env: { ...common, DATABASE_URL: orgUnitsDatabase.url },
      onOutput: echo('org-units'),
    });
    started.push(orgUnits);
    const campaigns = await startServiceProcess({
      name: 'campaigns',
      entry: 'apps/campaigns/src/main.ts',
      port: await freePort(),
      env: { ...common, DATABASE_URL: campaignsDatabase.url, UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-unit-directory-'), ATTAINMENT_GROUP_ID: uniqueName('e2e-attainment-') },
      onOutput: echo('campaigns'),
    });
    started.push(campaigns);
    const models = await startServiceProcess({
      name: 'models',
      entry: 'apps/models/src/main.ts',
      port: await freePort(),
      env: { ...common, DATABASE_URL: modelsDatabase.url, MODELS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-models-unit-directory-') },
      onOutput: echo('models'),
    });
    started.push(models);
    const assessments = await startServiceProcess({
      name: 'assessments',
      entry: 'apps/assessments/src/main.ts',
      port: await freePort(),
      env: { ...common, DATABASE_URL: assessmentsDatabase.url, ASSESSMENTS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-assessments-unit-directory-'), ASSESSMENTS_FACTS_GROUP_ID: uniqueName('e2e-assessments-facts-') },
      onOutput: echo('assessments'),
    });
    started.push(assessments);
    const awards = await startServiceProcess({
      name: 'awards',
      entry: 'apps/awards/src/main.ts',
      port: await freePort(),
      env: {
        ...common,
        DATABASE_URL: awardsDatabase.url,
        AWARDS_UNIT_DIRECTORY_GROUP_ID: uniqueName('e2e-awards-unit-directory-'),
        AWARDS_FACTS_GROUP_ID: uniqueName('e2e-awards-facts-'),
      },
      onOutput: echo('awards'),
    });
    started.push(awards);
    const gateway = await startServiceProcess({
      name: 'gateway',
      entry: 'apps/gateway/src/main.ts',
      port: await freePort(),
      readyPath: '/health',
      env: {
        ...common,
        ORG_UNITS_URL: orgUnits.graphqlUrl,
        CAMPAIGNS_URL: campaigns.graphqlUrl,
        MODELS_URL: models.graphqlUrl,
        ASSESSMENTS_URL: assessments.graphqlUrl,
        AWARDS_URL: awards.graphqlUrl,
        // Every request of a test comes from one address and a few subjects: the rate limits are not what is tested here.
        GATEWAY_LIMITS: JSON.stringify({ rateLimits: { anonymous: { points: 100_000 }, authenticated: { points: 100_000 } } }),
      },
      onOutput: echo('gateway'),
    });
    started.push(gateway);
    return {
      topicPrefix: topics.prefix,
      kafkaBrokers: infra.kafkaBrokers,
      orgUnitsDatabase,
      campaignsDatabase,
      modelsDatabase,
      assessmentsDatabase,
      orgUnits,
      campaigns,
      models,
      assessments,
      awardsDatabase,
      awards,
      gateway,
      async query<T>(query: string, variables: Record<string, unknown> = {}, token?: string) {
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLResult<T>;
      },
      token: (roles, unitId) => mintDevToken({ subject: `e2e:${roles.join('+')}`, roles, unitId, secret: DEV_JWT_HS256_SECRET }),
      async stop() {
        for (const service of [...started].reverse()) await service.stop();
        await orgUnitsDatabase.drop();
        await campaignsDatabase.drop();
        await modelsDatabase.drop();
        await assessmentsDatabase.drop();
        await awardsDatabase.drop();
        await topics.drop();
      },
    };
  } catch (error) {
    for (const service of [...started].reverse()) await service.stop();
    await orgUnitsDatabase.drop();
    await campaignsDatabase.drop();
    await modelsDatabase.drop();
    await assessmentsDatabase.drop();
    await awardsDatabase.drop();
    await topics.drop();
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
