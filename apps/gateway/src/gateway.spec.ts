import { composeServices } from '@apollo/composition';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DEV_GATEWAY_SIGNING_KEY, DEV_JWT_HS256_SECRET, mintDevToken, signGatewayAssertion } from '@antt/auth';
import { loadConfig, startSubgraph, type RunningServer, type SubgraphContext } from '@antt/service-kit';
import { parse } from 'graphql';
import pino from 'pino';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';
import { DEFAULT_LIMITS } from './limits';

const SIGNING_KEY = 'gateway-spec-signing-key-0123456789abcdef';
const UNIT = '3f0c6a8e-5b1d-4c2e-9a7f-0e1d2c3b4a59';
const silent = pino({ level: 'silent' });

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    whoami: Caller
    requestId: String!
    broken: String
  }
  type Caller {
    subject: String!
    roles: [String!]!
    unit: String!
  }
`);

const resolvers = {
  Query: {
    whoami: (_: unknown, __: unknown, { caller }: SubgraphContext) =>
      caller && { subject: caller.subject, roles: caller.roles, unit: caller.jurisdictionUnitId },
    requestId: (_: unknown, __: unknown, { requestId }: SubgraphContext) => requestId,
    broken: () => {
      throw new Error('relation "unit" does not exist at 10.1.2.3');
    },
  },
};

/** The supergraph as the compose tool would write it, pointing at a URL nobody listens on: the config overrides it. */
function supergraph(): string {
  const result = composeServices([{ name: 'org-units', url: 'http://127.0.0.1:9/graphql', typeDefs }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function query(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as GraphQLBody };
}

describe('gateway in front of a service-kit subgraph', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    subgraph = await startSubgraph({
      name: 'org-units',
      typeDefs,
      resolvers,
      config: loadConfig({}, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: SIGNING_KEY }),
      logger: silent,
      handleSignals: false,
    });
    gateway = await createGateway({
      supergraphSdl: supergraph(),
      config: loadGatewayConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: SIGNING_KEY, ORG_UNITS_URL: subgraph.url }),
      logger: silent,
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('forwards the verified caller to the subgraph', async () => {
    const token = await mintDevToken({ subject: 'nga', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET });
    const { status, json } = await query(gateway.url, { query: '{ whoami { subject roles unit } }' }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(json).toEqual({ data: { whoami: { subject: 'nga', roles: ['ORG_ADMIN'], unit: UNIT } } });
  });

  it('forwards a caller without a token as anonymous', async () => {
    const { json } = await query(gateway.url, { query: '{ whoami { subject } }' });
    expect(json).toEqual({ data: { whoami: null } });
  });

  it('forwards the request id', async () => {
    const { json } = await query(gateway.url, { query: '{ requestId }' }, { 'x-request-id': 'trace-me-42' });
    expect(json).toEqual({ data: { requestId: 'trace-me-42' } });
  });

  it('refuses a forged token with 401 UNAUTHENTICATED', async () => {
    const forged = await mintDevToken({ subject: 'mallory', roles: ['SYSTEM_ADMIN'], unitId: UNIT, secret: 'not-the-gateway-secret-at-all' });
    const { status, json } = await query(gateway.url, { query: '{ whoami { subject } }' }, { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(json.data).toBeUndefined();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status, json } = await query(gateway.url, { query: '{ whoami { subject } }' }, { authorization: 'Basic YTpi' });
    expect(status).toBe(401);
    expect(json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the subgraph refuse a direct call without the assertion, and one signed with another key', async () => {
    const direct = await query(subgraph.url, { query: '{ whoami { subject } }' });
    expect(direct.status).toBe(401);
    expect(direct.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_ASSERTION_MISSING' });
    const wrongKey = await signGatewayAssertion({ subject: 'x', roles: ['SYSTEM_ADMIN'], jurisdictionUnitId: UNIT }, 'attacker-key-attacker-key-attacker', {
      request: { query: '{ whoami { subject } }' },
    });
    const forged = await query(subgraph.url, { query: '{ whoami { subject } }' }, { 'x-antt-gateway-assertion': wrongKey });
    expect(forged.status).toBe(401);
  });

  it('hides a subgraph internal error behind the gateway too', async () => {
    const { json } = await query(gateway.url, { query: '{ broken }' });
    expect(json.errors).toHaveLength(1);
    expect(json.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(json)).not.toMatch(/relation|10\.1\.2\.3/);
  });

  it('answers /health and serves no Sandbox outside development', async () => {
    const health = await fetch(`http://127.0.0.1:${gateway.port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('sandbox');
  });
});

describe('createGateway options', () => {
  it('accepts a custom buildService (LocalGraphQLDataSource) and serves Sandbox in development', async () => {
    const gateway = await createGateway({
      supergraphSdl: supergraph(),
      config: loadGatewayConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1' }),
      buildService: () => new LocalGraphQLDataSource(buildSubgraphSchema([{ typeDefs, resolvers }])),
      logger: silent,
      handleSignals: false,
    });
    try {
      const { json } = await query(gateway.url, { query: '{ requestId }' });
      expect(typeof json.data?.requestId).toBe('string');
      const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('embeddable-sandbox');
      // The embedded Sandbox calls from Apollo's origin: allowed in development (and only there: see front-ends.spec.ts).
      const fromSandbox = await query(gateway.url, { query: '{ requestId }' }, { origin: 'https://sandbox.embed.apollographql.com' });
      expect(fromSandbox.status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});

describe('loadGatewayConfig', () => {
  it('defaults to port 4000, the dev HS256 secret and the conventional subgraph URLs', () => {
    const config = loadGatewayConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.userTokens).toEqual({ hs256Secret: DEV_JWT_HS256_SECRET, issuer: 'antt-dev-idp', audience: 'antt-gateway' });
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.subgraphUrls['org-units']).toBe('http://127.0.0.1:4001/graphql');
    expect(config.APOLLO_TELEMETRY_DISABLED).toBe(true);
  });

  it('uses JWKS with issuer and audience when configured', () => {
    const config = loadGatewayConfig({ JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'idp', JWT_AUDIENCE: 'antt' });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.userTokens).toEqual({ jwksUrl: 'https://idp.example/jwks.json', issuer: 'idp', audience: 'antt' });
  });

  it('refuses production without explicit keys, issuer and audience', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/GATEWAY_SIGNING_KEY: required in production/);
    const error = (() => {
      try {
        loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_SIGNING_KEY: 'k'.repeat(40) });
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(error).toMatch(/JWT_JWKS_URL: production needs JWT_JWKS_URL/);
    expect(error).toMatch(/JWT_ISSUER: required in production/);
    expect(error).toMatch(/JWT_AUDIENCE: required in production/);
  });

  it('refuses production with the development keys published in the repository, not only without keys', () => {
    const production = { NODE_ENV: 'production', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'antt' };
    expect(() => loadGatewayConfig({ ...production, GATEWAY_SIGNING_KEY: DEV_GATEWAY_SIGNING_KEY, JWT_HS256_SECRET: 'h'.repeat(40) })).toThrow(
      /GATEWAY_SIGNING_KEY: is a development secret/,
    );
    expect(() => loadGatewayConfig({ ...production, GATEWAY_SIGNING_KEY: 'k'.repeat(40), JWT_HS256_SECRET: DEV_JWT_HS256_SECRET })).toThrow(
      /JWT_HS256_SECRET: is a development secret/,
    );
    const config = loadGatewayConfig({ ...production, GATEWAY_SIGNING_KEY: 'k'.repeat(40), JWT_HS256_SECRET: 'h'.repeat(40) });
    expect(config.userTokens).toEqual({ hs256Secret: 'h'.repeat(40), issuer: 'https://idp.example', audience: 'antt' });
  });

  it('applies GATEWAY_LIMITS over the defaults and refuses unknown or invalid limits', () => {
    const config = loadGatewayConfig({ GATEWAY_LIMITS: JSON.stringify({ anonymous: { maxDepth: 4 }, subgraphs: { timeoutMsBySubgraph: { campaigns: 900 } } }) });
    expect(config.limits.anonymous).toEqual({ ...DEFAULT_LIMITS.anonymous, maxDepth: 4 });
    expect(config.limits.authenticated).toEqual(DEFAULT_LIMITS.authenticated);
    expect(config.limits.subgraphs.timeoutMsBySubgraph).toEqual({ campaigns: 900 });
    expect(() => loadGatewayConfig({ GATEWAY_LIMITS: '{"anonymous":{"maxDepht":4}}' })).toThrow(/GATEWAY_LIMITS/);
    expect(() => loadGatewayConfig({ GATEWAY_LIMITS: '{"anonymous":{"maxBodyBytes":-1}}' })).toThrow(/GATEWAY_LIMITS/);
    expect(() => loadGatewayConfig({ GATEWAY_LIMITS: 'not json' })).toThrow(/GATEWAY_LIMITS: is not valid JSON/);
  });

  it('keeps the anonymous limits at most the authenticated ones by default, and the body under 10 MiB', () => {
    for (const key of Object.keys(DEFAULT_LIMITS.anonymous) as (keyof typeof DEFAULT_LIMITS.anonymous)[]) {
      expect(DEFAULT_LIMITS.anonymous[key]).toBeLessThanOrEqual(DEFAULT_LIMITS.authenticated[key]);
    }
    expect(DEFAULT_LIMITS.authenticated.maxBodyBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('reads CORS_ORIGINS as a list of origins', () => {
    expect(loadGatewayConfig({ CORS_ORIGINS: 'https://app.antt.example, http://localhost:5173/' }).corsOrigins).toEqual([
      'https://app.antt.example',
      'http://localhost:5173',
    ]);
    expect(() => loadGatewayConfig({ CORS_ORIGINS: 'not an origin' })).toThrow(/CORS_ORIGINS/);
  });
});
