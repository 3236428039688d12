import { Writable } from 'node:stream';
import { signGatewayAssertion, type AssertedRequest, type Identity } from '@antt/auth';
import pino from 'pino';
import { DEV_GATEWAY_SIGNING_KEY, loadConfig } from './config';
import { notFound } from './errors';
import { createEntityLoader } from './loaders';
import { type RunningServer } from './apollo-http';
import { startSubgraph, type SubgraphContext } from './server';

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    me: Caller
    greeting: String!
    boom: String
    missing: String
  }
  type Caller {
    subject: String!
    roles: [String!]!
    unit: String!
  }
  type Thing @key(fields: "id") {
    id: ID!
    name: String!
  }
`;

interface Thing {
  id: string;
  name: string;
}
type Loaders = { things: ReturnType<typeof createThingLoader> };
type Context = SubgraphContext<Loaders, { greeting: string }>;

const batches: (readonly string[])[] = [];
function createThingLoader() {
  return createEntityLoader<Thing>(
    async (ids) => {
      batches.push(ids);
      return ids.filter((id) => id !== 'ghost').map((id) => ({ id, name: `thing ${id}` }));
    },
    (thing) => thing.id,
  );
}

const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, { caller }: Context) =>
      caller && { subject: caller.subject, roles: caller.roles, unit: caller.jurisdictionUnitId },
    greeting: (_: unknown, __: unknown, context: Context) => context.greeting,
    boom: () => {
      throw new Error('connection to server at "10.0.0.5" failed: password authentication failed for user "antt"');
    },
    missing: () => {
      throw notFound('THING_NOT_FOUND', 'No such thing.');
    },
  },
  Thing: {
    __resolveReference: (ref: { id: string }, context: Context) => context.loaders.things.load(ref.id),
  },
};

const caller: Identity = { subject: 'hoa', roles: ['UNIT_OFFICER'], jurisdictionUnitId: 'unit-42' };
const logLines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});

let server: RunningServer;
let kafkaUp = true;
const shutdownOrder: string[] = [];

type Headers = Record<string, string> | ((body: AssertedRequest) => Promise<Record<string, string>>);
async function post(body: AssertedRequest, given: Headers = {}) {
  const headers = typeof given === 'function' ? await given(body) : given;
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted structurally
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}
/** The headers the gateway sends for `who`, with an assertion bound to the request body. */
const asCaller =
  (who: Identity | null, extra: Record<string, string> = {}, key = DEV_GATEWAY_SIGNING_KEY) =>
  async (request: AssertedRequest) => ({ ...extra, 'x-antt-gateway-assertion': await signGatewayAssertion(who, key, { request }) });

beforeAll(async () => {
  server = await startSubgraph<Loaders, { greeting: string }>({
    name: 'fixture',
    typeDefs,
    resolvers,
    config: loadConfig({}, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' }),
    logger: pino({ level: 'info' }, logSink),
    loaders: () => ({ things: createThingLoader() }),
    context: ({ caller: who }) => ({ greeting: who ? `xin chào ${who.subject}` : 'xin chào' }),
    readiness: [
      { name: 'database', check: async () => undefined },
      { name: 'kafka', check: async () => {
          if (!kafkaUp) throw new Error('broker 127.0.0.1:1 unreachable');
        } },
    ],
    onShutdown: [
      { name: 'relay', run: () => void shutdownOrder.push('relay') },
      { name: 'consumers', run: async () => void shutdownOrder.push('consumers') },
      { name: 'pool', run: () => void shutdownOrder.push('pool') },
    ],
    handleSignals: false,
  });
});

afterAll(() => server.stop());

describe('startSubgraph', () => {
  it('listens on an ephemeral port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/graphql`);
  });

  it('answers /health without an assertion', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'fixture' });
  });

  it('answers /ready with 200 when every check passes and 503 naming the failed one otherwise', async () => {
    const ready = await fetch(`http://127.0.0.1:${server.port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', kafka: 'ok' }, failed: [] });
    kafkaUp = false;
    try {
      const notReady = await fetch(`http://127.0.0.1:${server.port}/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({
        status: 'unavailable',
        failed: ['kafka'],
        checks: { database: 'ok', kafka: 'broker 127.0.0.1:1 unreachable' },
      });
    } finally {
      kafkaUp = true;
    }
  });

  it('refuses /graphql without a gateway assertion with 401 UNAUTHENTICATED', async () => {
    const { status, json } = await post({ query: '{ greeting }' });
    expect(status).toBe(401);
    expect(json).toEqual({
      errors: [{ message: 'Requests must come through the gateway.', extensions: { code: 'UNAUTHENTICATED', reason: 'GATEWAY_ASSERTION_MISSING' } }],
    });
  });

  it('refuses a GET /graphql and a forged assertion too', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ greeting }')}`);
    expect(get.status).toBe(401);
    const { status, json } = await post({ query: '{ greeting }' }, asCaller(caller, {}, 'a-key-that-is-not-the-gateways-key'));
    expect(status).toBe(401);
    expect(json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_ASSERTION_INVALID' });
  });

  it('refuses an assertion signed for another query, or for other variables (no replay)', async () => {
    const signedFor = { query: '{ greeting }' };
    const captured = await asCaller(caller)(signedFor);
    expect((await post(signedFor, captured)).status).toBe(200);
    const replayed = await post({ query: '{ me { subject roles unit } }' }, captured);
    expect(replayed.status).toBe(401);
    expect(replayed.json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_ASSERTION_UNBOUND' });
    const entities = { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }', variables: { r: [{ __typename: 'Thing', id: 'a' }] } };
    const otherVariables = await post({ ...entities, variables: { r: [{ __typename: 'Thing', id: 'b' }] } }, await asCaller(caller)(entities));
    expect(otherVariables.json.errors[0].extensions.reason).toBe('GATEWAY_ASSERTION_UNBOUND');
  });

  it('refuses a body over 10 MiB with 413 BODY_TOO_LARGE, from its declared length', async () => {
    const request = { query: '{ greeting }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } };
    const started = Date.now();
    const { status, json } = await post(request, asCaller(caller));
    expect(status).toBe(413);
    expect(json.errors[0].extensions).toEqual({ code: 'BODY_TOO_LARGE', limit: 10 * 1024 * 1024 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an assertion that lives longer than GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS', async () => {
    const request = { query: '{ greeting }' };
    const token = await signGatewayAssertion(caller, DEV_GATEWAY_SIGNING_KEY, { request, ttlSeconds: 3600 });
    const { status, json } = await post(request, { 'x-antt-gateway-assertion': token });
    expect(status).toBe(401);
    expect(json.errors[0].extensions.reason).toBe('GATEWAY_ASSERTION_INVALID');
  });

  it('puts the asserted caller and the service context in the resolvers context', async () => {
    const { status, json } = await post({ query: '{ me { subject roles unit } greeting }' }, asCaller(caller));
    expect(status).toBe(200);
    expect(json).toEqual({ data: { me: { subject: 'hoa', roles: ['UNIT_OFFICER'], unit: 'unit-42' }, greeting: 'xin chào hoa' } });
  });

  it('gives an anonymous caller as null', async () => {
    const { json } = await post({ query: '{ me { subject } greeting }' }, asCaller(null));
    expect(json).toEqual({ data: { me: null, greeting: 'xin chào' } });
  });

  it('resolves entity references through one batched per-request loader', async () => {
    batches.length = 0;
    const representations = ['a', 'ghost', 'b', 'a'].map((id) => ({ __typename: 'Thing', id }));
    const { json } = await post(
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id name } } }', variables: { r: representations } },
      asCaller(caller),
    );
    expect(json.data._entities).toEqual([{ id: 'a', name: 'thing a' }, null, { id: 'b', name: 'thing b' }, { id: 'a', name: 'thing a' }]);
    expect(batches).toEqual([['a', 'ghost', 'b']]);
  });

  it('hides internal errors and logs them with the request id', async () => {
    const { json, headers } = await post({ query: '{ boom missing }' }, asCaller(caller, { 'x-request-id': 'req-boom-1' }));
    expect(headers.get('x-request-id')).toBe('req-boom-1');
    expect(json.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'No such thing.', locations: [{ line: 1, column: 8 }], path: ['missing'], extensions: { code: 'NOT_FOUND', reason: 'THING_NOT_FOUND' } },
    ]);
    expect(JSON.stringify(json)).not.toContain('password');
    const logged = logLines.filter((line) => line.msg === 'internal error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: 'req-boom-1', level: 50, path: ['boom'] });
    expect((logged[0]?.err as { message: string }).message).toContain('password authentication failed');
  });

  it('keeps GraphQL validation errors and their codes', async () => {
    const { status, json } = await post({ query: '{ nope }' }, asCaller(caller));
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers unknown routes with 404', async () => {
    expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
  });
});

describe('stop', () => {
  it('drains, runs the shutdown hooks in order, and stops listening', async () => {
    const other = await startSubgraph({
      name: 'short-lived',
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
      config: loadConfig({}, { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: 'p'.repeat(40), LOG_LEVEL: 'silent' }),
      onShutdown: [
        { name: 'first', run: () => void shutdownOrder.push('first') },
        { name: 'failing', run: () => Promise.reject(new Error('pool already closed')) },
        { name: 'last', run: () => void shutdownOrder.push('last') },
      ],
      handleSignals: false,
    });
    shutdownOrder.length = 0;
    await Promise.all([other.stop(), other.stop()]);
    expect(shutdownOrder).toEqual(['first', 'last']);
    await expect(fetch(`http://127.0.0.1:${other.port}/health`)).rejects.toThrow();
  });

  it('lets an in-flight request finish before the shutdown hooks run', async () => {
    const events: string[] = [];
    const slow = await startSubgraph({
      name: 'slow',
      typeDefs: 'type Query { slow: String }',
      resolvers: { Query: { slow: () => new Promise((resolve) => setTimeout(() => resolve('done'), 300)) } },
      config: loadConfig({}, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      onShutdown: [{ name: 'pool', run: () => void events.push('hook') }],
      handleSignals: false,
    });
    const headers = { 'content-type': 'application/json', ...(await asCaller(null)({ query: '{ slow }' })) };
    const inFlight = fetch(slow.url, { method: 'POST', headers, body: JSON.stringify({ query: '{ slow }' }) }).then(async (response) => {
      events.push('response');
      return { status: response.status, json: await response.json() };
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await slow.stop();
    await expect(inFlight).resolves.toEqual({ status: 200, json: { data: { slow: 'done' } } });
    expect(events).toEqual(['response', 'hook']);
  });

  it('turns introspection off in production', async () => {
    const prod = await startSubgraph({
      name: 'prod',
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
      config: loadConfig({}, { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', GATEWAY_SIGNING_KEY: 'p'.repeat(40), LOG_LEVEL: 'silent' }),
      handleSignals: false,
    });
    try {
      const request = { query: '{ __schema { queryType { name } } }' };
      const headers = { 'content-type': 'application/json', ...(await asCaller(null, {}, 'p'.repeat(40))(request)) };
      const response = await fetch(prod.url, { method: 'POST', headers, body: JSON.stringify(request) });
      const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(json.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.stop();
    }
  });
});
