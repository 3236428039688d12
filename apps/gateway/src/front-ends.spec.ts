import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { DEV_JWT_AUDIENCE, DEV_JWT_HS256_SECRET, DEV_JWT_ISSUER, mintDevToken } from '@antt/auth';
import { type RunningServer } from '@antt/service-kit';
import { SignJWT } from 'jose';
import pino from 'pino';
import { bearer, post, SIGNING_KEY, silent, startGatewayOver, startTreeSubgraph, supergraphOf, treeTypeDefs, UNIT } from '../test/support/in-process';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';
import { DEFAULT_LIMITS } from './limits';

const APP = 'https://app.antt.example';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the gateway for front ends', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    gateway = await startGatewayOver(subgraph.url, { CORS_ORIGINS: `${APP},http://localhost:5173` }, pino({ level: 'info' }, sink));
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('answers a CORS preflight from an allowed origin (it got 405 before) and echoes the origin on the request', async () => {
    const preflight = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    const { status, headers, json } = await post(gateway.url, { query: '{ ping }' }, { origin: APP });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe(APP);
    expect(json).toEqual({ data: { ping: 'pong' } });
  });

  it('refuses an origin that is not on the allow-list with 403 CORS_ORIGIN_DENIED, preflight or not', async () => {
    const preflight = await fetch(gateway.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const { status, json } = await post(gateway.url, { query: '{ ping }' }, { origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(json.errors?.[0]?.extensions).toEqual({ code: 'CORS_ORIGIN_DENIED' });
    const sandbox = await post(gateway.url, { query: '{ ping }' }, { origin: 'https://sandbox.embed.apollographql.com' });
    expect(sandbox.status).toBe(403);
  });

  it('sends security headers on every response', async () => {
    for (const response of [await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ping }"}' }), await fetch(`http://127.0.0.1:${gateway.port}/health`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('keeps Apollo CSRF prevention: a GET without a preflight-forcing header is refused', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ ping }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await preflighted.json()).toEqual({ data: { ping: 'pong' } });
  });

  it('serves automatic persisted queries, and applies the caller limits to a query sent by hash', async () => {
    const query = '{ nodes(first: 2) { id } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post(gateway.url, { extensions });
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(gateway.url, { query, extensions })).json).toEqual({ data: { nodes: [{ id: 'n0' }, { id: 'n1' }] } });
    expect((await post(gateway.url, { extensions })).json).toEqual({ data: { nodes: [{ id: 'n0' }, { id: 'n1' }] } });

    const long = `{ count(values: [${'1 '.repeat(DEFAULT_LIMITS.anonymous.maxTokens + 5)}]) }`;
    const longExtensions = { persistedQuery: { version: 1, sha256Hash: sha256(long) } };
    expect((await post(gateway.url, { query: long, extensions: longExtensions }, await bearer())).json.data).toEqual({ count: DEFAULT_LIMITS.anonymous.maxTokens + 5 });
    const byHash = await post(gateway.url, { extensions: longExtensions });
    expect(byHash.status).toBe(400);
    expect(byHash.json.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_LIMIT', limit: DEFAULT_LIMITS.anonymous.maxTokens });
  });

  it('records the client name and version of each operation in the log', async () => {
    await post(gateway.url, { query: 'query Pledges { ping }' }, { 'apollographql-client-name': 'pledges-mobile', 'apollographql-client-version': '2.3.1' });
    const line = logLines.find((entry) => entry.msg === 'operation' && entry.operationName === 'Pledges');
    expect(line).toMatchObject({ clientName: 'pledges-mobile', clientVersion: '2.3.1', errors: 0, caller: null });
  });

  it('refuses expired, exp-less, foreign-audience, foreign-issuer and role-less tokens with 401', async () => {
    const key = new TextEncoder().encode(DEV_JWT_HS256_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const claims = { roles: ['ORG_ADMIN'], unit: UNIT };
    const tokens = {
      TOKEN_EXPIRED: await mintDevToken({ subject: 'a', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, expiresIn: -60 }),
      exp: await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setIssuer(DEV_JWT_ISSUER).setAudience(DEV_JWT_AUDIENCE).setIssuedAt(now).sign(key),
      aud: await mintDevToken({ subject: 'a', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, audience: 'another-app' }),
      iss: await mintDevToken({ subject: 'a', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, issuer: 'https://idp.elsewhere' }),
      TOKEN_CLAIMS_INVALID: await mintDevToken({ subject: 'a', roles: [], unitId: UNIT, secret: DEV_JWT_HS256_SECRET }),
    };
    const expected = { TOKEN_EXPIRED: 'TOKEN_EXPIRED', exp: 'TOKEN_CLAIM_MISMATCH', aud: 'TOKEN_CLAIM_MISMATCH', iss: 'TOKEN_CLAIM_MISMATCH', TOKEN_CLAIMS_INVALID: 'TOKEN_CLAIMS_INVALID' };
    for (const [name, token] of Object.entries(tokens)) {
      const { status, json } = await post(gateway.url, { query: '{ whoami }' }, { authorization: `Bearer ${token}` });
      expect({ name, status, extensions: json.errors?.[0]?.extensions }).toEqual({
        name,
        status: 401,
        extensions: { code: 'UNAUTHENTICATED', reason: expected[name as keyof typeof expected] },
      });
    }
  });
});

describe('the gateway in production', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;
  const env = {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    GATEWAY_SIGNING_KEY: SIGNING_KEY,
    JWT_HS256_SECRET: 'production-hs256-secret-0123456789abcdef',
    JWT_ISSUER: 'https://idp.antt.example',
    JWT_AUDIENCE: 'antt-graph',
  };

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    gateway = await createGateway({
      supergraphSdl: supergraphOf([{ name: 'org-units', typeDefs: treeTypeDefs }]),
      config: loadGatewayConfig({ ...env, ORG_UNITS_URL: subgraph.url }),
      logger: silent,
      handleSignals: false,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('answers a token of its issuer and audience, and refuses a development token', async () => {
    const token = await mintDevToken({ subject: 'lan', roles: ['ORG_ADMIN'], unitId: UNIT, secret: env.JWT_HS256_SECRET, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE });
    expect((await post(gateway.url, { query: '{ whoami }' }, { authorization: `Bearer ${token}` })).json).toEqual({ data: { whoami: 'lan' } });
    expect((await post(gateway.url, { query: '{ whoami }' }, await bearer())).status).toBe(401);
  });

  it('turns off introspection, field suggestions and Sandbox', async () => {
    const introspection = await post(gateway.url, { query: '{ __schema { queryType { name } } }' });
    expect(introspection.json.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    const typo = await post(gateway.url, { query: '{ pin }' });
    expect(typo.json.errors?.[0]?.message).toBe('Cannot query field "pin" on type "Query". [Suggestion hidden]?');
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
  });
});

describe('rate limits in process memory', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    gateway = await startGatewayOver(subgraph.url, {
      GATEWAY_LIMITS: JSON.stringify({ rateLimits: { anonymous: { points: 3, durationSeconds: 1 }, authenticated: { points: 5, durationSeconds: 1 } } }),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('refuses an anonymous address over its budget with 429 and Retry-After, counts each subject apart, and lets it in again', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(gateway.url, { query: '{ ping }' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post(gateway.url, { query: '{ ping }' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    // A signed-in caller has a budget of its own.
    expect((await post(gateway.url, { query: '{ ping }' }, await bearer(['ORG_ADMIN'], 'someone'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await post(gateway.url, { query: '{ ping }' })).json).toEqual({ data: { ping: 'pong' } });
  });
});
