import { composeServices } from '@apollo/composition';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type RunningServer } from '@antt/service-kit';
import { parse } from 'graphql';
import pino from 'pino';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

const silent = pino({ level: 'silent' });

// "units" owns Unit and answers null for one it does not show (as org-units does); "campaigns" refers to units.
const units = {
  name: 'org-units',
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query {
      ping: String
    }
    type Unit @key(fields: "id") {
      id: ID!
      name: String!
    }
  `),
  resolvers: {
    Query: { ping: () => 'pong' },
    Unit: { __resolveReference: ({ id }: { id: string }) => (id === 'hidden' ? null : { id, name: `Unit ${id}` }) },
  },
};
const campaigns = {
  name: 'campaigns',
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query {
      campaigns: [Campaign!]!
      strict: [Strict!]!
    }
    type Campaign {
      title: String!
      ownerUnit: Unit
      units: [Unit]!
    }
    type Strict {
      title: String!
      ownerUnit: Unit!
    }
    type Unit @key(fields: "id") {
      id: ID!
    }
  `),
  resolvers: {
    Query: {
      campaigns: () => [
        { title: 'provincial', ownerUnit: { id: 'hidden' }, units: [{ id: 'a' }, { id: 'hidden' }] },
        { title: 'communal', ownerUnit: { id: 'c' }, units: [] },
      ],
      strict: () => [{ title: 'provincial', ownerUnit: { id: 'hidden' } }],
    },
  },
};

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[] }[];
  extensions?: { valueCompletion?: { message: string; path?: (string | number)[] }[] };
}

describe('a reference the owning subgraph does not show (null entity)', () => {
  let gateway: RunningServer;

  beforeAll(async () => {
    const composed = composeServices([units, campaigns].map(({ name, typeDefs }) => ({ name, typeDefs, url: `http://127.0.0.1:9/${name}` })));
    if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
    const schemas = new Map([units, campaigns].map(({ name, typeDefs, resolvers }) => [name, buildSubgraphSchema([{ typeDefs, resolvers }])]));
    gateway = await createGateway({
      supergraphSdl: composed.supergraphSdl,
      config: loadGatewayConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' }),
      buildService: ({ name }) => new LocalGraphQLDataSource(schemas.get(name)!),
      logger: silent,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  async function query(text: string): Promise<Body> {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }) });
    return (await response.json()) as Body;
  }

  it('answers a nullable reference (and a nullable list item) null, keeping its parent, with no error', async () => {
    const body = await query('{ campaigns { title ownerUnit { id name } units { name } } }');
    expect(body).toEqual({
      data: {
        campaigns: [
          { title: 'provincial', ownerUnit: null, units: [{ name: 'Unit a' }, null] },
          { title: 'communal', ownerUnit: { id: 'c', name: 'Unit c' }, units: [] },
        ],
      },
    });
  });

  it('keeps the report where a non-null reference voids its parent (here the whole answer): the client lost more than the unit', async () => {
    const body = await query('{ campaigns { title } strict { title ownerUnit { name } } }');
    expect(body.data).toBeNull();
    expect(body.extensions?.valueCompletion).toEqual([
      expect.objectContaining({ message: 'Cannot return null for non-nullable field Unit.name.', path: ['strict', 0, 'ownerUnit', 'name'] }),
    ]);
  });
});
