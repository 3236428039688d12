import { composeServices } from '@apollo/composition';
import { DEV_JWT_HS256_SECRET, mintDevToken, type Role } from '@antt/auth';
import { loadConfig, startSubgraph, type RunningServer, type SubgraphContext } from '@antt/service-kit';
import { parse } from 'graphql';
import pino, { type Logger } from 'pino';
import { loadGatewayConfig } from '../../src/config';
import { createGateway } from '../../src/gateway';

export const SIGNING_KEY = 'gateway-test-signing-key-0123456789abcdef';
export const UNIT = '3f0c6a8e-5b1d-4c2e-9a7f-0e1d2c3b4a59';
export const silent = pino({ level: 'silent' });

/** A subgraph with lists that take `first`, a recursive type for depth, and a slow field. */
export const treeTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    ping: String
    whoami: String
    node(id: ID): Node
    nodes(first: Int = 10): [Node!]!
    slow(ms: Int!): String
    count(values: [Int!]!): Int
  }
  type Node @key(fields: "id") {
    id: ID!
    name: String
    parent: Node
    children(first: Int = 10): [Node!]!
  }
`);

const node = (id: string) => ({ id, name: `node ${id}` });
export const treeResolvers = {
  Query: {
    ping: () => 'pong',
    whoami: (_: unknown, __: unknown, { caller }: SubgraphContext) => caller?.subject ?? null,
    node: (_: unknown, { id }: { id?: string }) => node(id ?? 'root'),
    nodes: (_: unknown, { first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_, i) => node(`n${i}`)),
    count: (_: unknown, { values }: { values: number[] }) => values.length,
    slow: (_: unknown, { ms }: { ms: number }) => new Promise((resolve) => setTimeout(() => resolve(`slept ${ms}`), ms)),
  },
  Node: {
    parent: ({ id }: { id: string }) => node(`${id}.p`),
    children: ({ id }: { id: string }, { first }: { first: number }) => Array.from({ length: Math.min(first, 2) }, (_, i) => node(`${id}.${i}`)),
  },
};

/** Composes a supergraph from named subgraphs (URLs nobody listens on: the gateway config overrides them). */
export function supergraphOf(subgraphs: { name: string; typeDefs: ReturnType<typeof parse> }[]): string {
  const result = composeServices(subgraphs.map(({ name, typeDefs }) => ({ name, url: 'http://127.0.0.1:9/graphql', typeDefs })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** Starts the tree subgraph in process on a free loopback port. */
export function startTreeSubgraph(): Promise<RunningServer> {
  return startSubgraph({
    name: 'tree',
    typeDefs: treeTypeDefs,
    resolvers: treeResolvers,
    config: loadConfig({}, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: SIGNING_KEY, LOG_LEVEL: 'silent' }),
    logger: silent,
    handleSignals: false,
  });
}

/** Rate limits out of the way of tests that are not about them (every request comes from one address). */
const GENEROUS_RATE_LIMITS = JSON.stringify({ rateLimits: { anonymous: { points: 10_000 }, authenticated: { points: 10_000 } } });

/** Starts the gateway in process over the tree subgraph, with `env` added to a test configuration. */
export function startGatewayOver(subgraphUrl: string, env: Record<string, string> = {}, logger: Logger = silent, enforceLimits = true): Promise<RunningServer> {
  return createGateway({
    enforceLimits,
    supergraphSdl: supergraphOf([{ name: 'org-units', typeDefs: treeTypeDefs }]),
    config: loadGatewayConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GATEWAY_SIGNING_KEY: SIGNING_KEY,
      ORG_UNITS_URL: subgraphUrl,
      GATEWAY_LIMITS: GENEROUS_RATE_LIMITS,
      ...env,
    }),
    logger,
    handleSignals: false,
  });
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs a body (JSON-encoded unless a string) and returns status, headers, parsed body and the time it took. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as GraphQLBody, ms: Date.now() - started };
}

/** `Authorization` header with a dev token. */
export async function bearer(roles: Role[] = ['ORG_ADMIN'], subject = 'nga'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintDevToken({ subject, roles, unitId: UNIT, secret: DEV_JWT_HS256_SECRET })}` };
}
