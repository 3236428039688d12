import { PERSONAL_DATA_DIRECTIVE_SDL, loadConfig, startSubgraph, type RunningServer, type SubgraphContext } from '@antt/service-kit';
import { createTestDatabase, type TestDatabase } from '@antt/testing';
import { parse } from 'graphql';
import { ApiKeyStore } from '../src/api-keys/api-key-store';
import { DEV_API_KEY_PEPPER, loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/gateway';
import { bearer, post, SIGNING_KEY, silent, supergraphOf, UNIT } from './support/in-process';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  ${PERSONAL_DATA_DIRECTIVE_SDL}
  type Query {
    pledges: [Pledge!]!
  }
  type Pledge {
    id: ID!
    caller: String
    roles: [String!]
    jurisdiction: String
    fullName: String @personalData
    phone: String @personalData
  }
`);

const resolvers = {
  Query: {
    pledges: (_: unknown, __: unknown, { caller }: SubgraphContext) => [
      { id: 'p1', caller: caller?.subject ?? null, roles: caller?.roles ?? null, jurisdiction: caller?.jurisdictionUnitId ?? null },
    ],
  },
  Pledge: { fullName: () => 'Nguyễn Văn A', phone: () => '0912345678' },
};

const QUERY = 'query AgencyPledges { pledges { id caller roles jurisdiction fullName phone } }';

describe('an API key through the gateway to a subgraph: EXTERNAL_READER of its unit, no personal data', () => {
  let database: TestDatabase;
  let store: ApiKeyStore;
  let subgraph: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase('gw_keys_pd_');
    store = new ApiKeyStore(database.url, DEV_API_KEY_PEPPER);
    await store.migrate();
    subgraph = await startSubgraph({
      name: 'org-units',
      typeDefs,
      resolvers,
      config: loadConfig({}, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: SIGNING_KEY, LOG_LEVEL: 'silent' }),
      logger: silent,
      handleSignals: false,
    });
    gateway = await createGateway({
      supergraphSdl: supergraphOf([{ name: 'org-units', typeDefs }]),
      config: loadGatewayConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_SIGNING_KEY: SIGNING_KEY,
        ORG_UNITS_URL: subgraph.url,
        DATABASE_URL: database.url,
      }),
      logger: silent,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await store?.close();
    await database?.drop();
  });

  it('answers the registered query with the key as caller and the personal fields null', async () => {
    const { key, record } = await store.create({ agency: 'Ủy ban MTTQ tỉnh', jurisdictionUnitId: UNIT, expiresAt: new Date(Date.now() + 86_400_000) });
    await store.registerOperation(record.id, QUERY);
    const answer = await post(gateway.url, { query: QUERY }, { 'x-api-key': key });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: { pledges: [{ id: 'p1', caller: `apikey:${record.id}`, roles: ['EXTERNAL_READER'], jurisdiction: UNIT, fullName: null, phone: null }] },
    });
    expect(JSON.stringify(answer.json)).not.toContain('Nguyễn');
  });

  it('gives the same fields to an officer signed in with a token', async () => {
    const answer = await post(gateway.url, { query: QUERY }, await bearer(['UNIT_OFFICER'], 'officer'));
    expect(answer.json).toEqual({
      data: { pledges: [{ id: 'p1', caller: 'officer', roles: ['UNIT_OFFICER'], jurisdiction: UNIT, fullName: 'Nguyễn Văn A', phone: '0912345678' }] },
    });
  });
});
