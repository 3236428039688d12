import { type RunningServer } from '@antt/service-kit';
import { buildSchema, parse } from 'graphql';
import { bearer, post, startGatewayOver, startTreeSubgraph } from '../test/support/in-process';
import { checkOperation, estimateCost } from './abuse-limits';
import { DEFAULT_LIMITS, resolveLimits } from './limits';

const nested = (levels: number) => `{ node { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const aliases = (count: number, field = 'ping') => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('cost estimate', () => {
  const schema = buildSchema(`
    type Query { nodes(first: Int = 10): [Node!]! unit: Node }
    type Node { id: ID! name: String children(first: Int = 50): [Node!]! descendants(first: Int = 50): [Node!]! }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    estimateCost(
      { schema, document: parse(query), request: { variables }, operationName: null },
      { fieldWeights: { 'Node.descendants': 10 } },
      1_000_000,
    );

  it('counts objects, not scalars, times the list size asked for by first (or its default)', () => {
    expect(cost('{ unit { id name } }')).toBe(1);
    expect(cost('{ nodes(first: 3) { id } }')).toBe(1);
    expect(cost('{ nodes(first: 3) { children(first: 4) { id } } }')).toBe(1 + 3 * 1);
    expect(cost('{ nodes(first: 3) { children(first: 4) { children { id } } } }')).toBe(1 + 3 * (1 + 4 * 1));
    expect(cost('{ nodes { id } unit { children { id } } }')).toBe(1 + 1 + 1);
  });

  it('applies field weights and reads first from variables', () => {
    expect(cost('{ unit { descendants(first: 1000) { children(first: 2) { id } } } }')).toBe(1 + 10 + 1000 * 1);
    expect(cost('query($n: Int) { unit { descendants(first: $n) { children { id } } } }', { n: 7 })).toBe(1 + 10 + 7);
  });
});

describe('checks remembered per document', () => {
  const schema = buildSchema(`
    type Query { unit: Node }
    type Node { id: ID! parent: Node descendants(first: Int = 50): [Node!]! }
  `);
  const limits = resolveLimits({});
  const signedIn = { subject: 's', roles: ['ORG_ADMIN' as const], jurisdictionUnitId: 'u' };
  const codeOf = (run: () => void): unknown => {
    try {
      run();
      return 'passed';
    } catch (error) {
      return (error as { extensions?: { code?: unknown } }).extensions?.code;
    }
  };

  it('checks the same document again for the other caller class and for other variables', () => {
    const depth = limits.anonymous.maxDepth + 1;
    const source = `query($n: Int) { unit { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} descendants(first: $n) { parent { id } } } }`;
    // One DocumentNode, as Apollo's document cache hands it out for repeated text.
    const document = parse(source);
    const context = (n: number) => ({ schema, document, source, request: { variables: { n } }, operationName: null });
    expect(limits.authenticated.maxDepth).toBeGreaterThan(depth);
    expect(codeOf(() => checkOperation(context(5), signedIn, limits))).toBe('passed');
    expect(codeOf(() => checkOperation(context(5), signedIn, limits))).toBe('passed');
    // What the authenticated class passed is not a pass for an anonymous caller.
    expect(codeOf(() => checkOperation(context(5), null, limits))).toBe('QUERY_TOO_DEEP');
    // A cost remembered for some variables says nothing of others.
    expect(codeOf(() => checkOperation(context(limits.authenticated.maxCost * 10), signedIn, limits))).toBe('COST_LIMIT');
    expect(codeOf(() => checkOperation(context(5), signedIn, limits))).toBe('passed');
  });
});

describe('abuse limits at the gateway', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    gateway = await startGatewayOver(subgraph.url);
    auth = await bearer();
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  const refusal = async (body: unknown, headers: Record<string, string> = {}) => {
    const { status, json, ms } = await post(gateway.url, body, headers);
    return { status, code: json.errors?.[0]?.extensions?.code, limit: json.errors?.[0]?.extensions?.limit, data: json.data, ms };
  };

  it('answers a normal query for both kinds of caller', async () => {
    const anonymous = await post(gateway.url, { query: '{ nodes(first: 2) { id children(first: 2) { name } } }' });
    expect(anonymous.json.errors).toBeUndefined();
    expect(anonymous.json.data?.nodes).toHaveLength(2);
    const signedIn = await post(gateway.url, { query: `{ whoami ${nested(6).slice(1, -1)} }` }, auth);
    expect(signedIn.json).toMatchObject({ data: { whoami: 'nga' } });
  });

  it('refuses a query nested deeper than the caller may: QUERY_TOO_DEEP, anonymous tighter', async () => {
    const { maxDepth: anonymousDepth } = DEFAULT_LIMITS.anonymous;
    const { maxDepth: userDepth } = DEFAULT_LIMITS.authenticated;
    expect(await refusal({ query: nested(anonymousDepth) })).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP', limit: anonymousDepth });
    expect((await post(gateway.url, { query: nested(anonymousDepth) }, auth)).json.errors).toBeUndefined();
    expect(await refusal({ query: nested(userDepth) }, auth)).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP', limit: userDepth });
  });

  it('refuses too many aliases: ALIAS_LIMIT', async () => {
    expect(await refusal({ query: aliases(DEFAULT_LIMITS.anonymous.maxAliases + 1) })).toMatchObject({ status: 400, code: 'ALIAS_LIMIT' });
    expect((await post(gateway.url, { query: aliases(DEFAULT_LIMITS.anonymous.maxAliases + 1) }, auth)).json.errors).toBeUndefined();
    expect(await refusal({ query: aliases(DEFAULT_LIMITS.authenticated.maxAliases + 1) }, auth)).toMatchObject({ status: 400, code: 'ALIAS_LIMIT' });
  });

  it('refuses too many directives: DIRECTIVE_LIMIT', async () => {
    const query = `{ ${Array.from({ length: DEFAULT_LIMITS.authenticated.maxDirectives + 1 }, () => 'ping @include(if: true)').join(' ')} }`;
    expect(await refusal({ query }, auth)).toMatchObject({ status: 400, code: 'DIRECTIVE_LIMIT', limit: DEFAULT_LIMITS.authenticated.maxDirectives });
  });

  it('refuses a costly query (lists times first): COST_LIMIT, before any subgraph call', async () => {
    const bomb = '{ nodes(first: 1000) { children(first: 1000) { children(first: 1000) { id } } } }';
    expect(await refusal({ query: bomb }, auth)).toMatchObject({ status: 400, code: 'COST_LIMIT', limit: DEFAULT_LIMITS.authenticated.maxCost });
    expect(await refusal({ query: '{ nodes(first: 1000) { children(first: 5) { id } } }' })).toMatchObject({ code: 'COST_LIMIT' });
    expect((await post(gateway.url, { query: '{ nodes(first: 1000) { children(first: 5) { id } } }' }, auth)).json.errors).toBeUndefined();
  });

  it('answers variables the operation cannot take as BAD_USER_INPUT, not as a costly query', async () => {
    const query = 'query($first: Int) { nodes(first: $first) { id } }';
    const { status, json } = await post(gateway.url, { query, variables: { first: 'many' } }, auth);
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(json.errors?.[0]?.message).toContain('$first');
    expect((await post(gateway.url, { query, variables: { first: 2 } }, auth)).json.data?.nodes).toHaveLength(2);
  });

  it('refuses too many tokens: TOKEN_LIMIT (the parse stops at the largest limit; anonymous counted tighter)', async () => {
    const many = (count: number) => `{ count(values: [${'1 '.repeat(count)}]) }`;
    expect(await refusal({ query: many(DEFAULT_LIMITS.authenticated.maxTokens + 10) }, auth)).toMatchObject({ status: 400, code: 'TOKEN_LIMIT' });
    expect(await refusal({ query: many(DEFAULT_LIMITS.anonymous.maxTokens + 10) })).toMatchObject({
      status: 400,
      code: 'TOKEN_LIMIT',
      limit: DEFAULT_LIMITS.anonymous.maxTokens,
    });
    const signedIn = await post(gateway.url, { query: many(DEFAULT_LIMITS.anonymous.maxTokens + 10) }, auth);
    expect(signedIn.json.data).toEqual({ count: DEFAULT_LIMITS.anonymous.maxTokens + 10 });
    // A pass is remembered per caller class: the same text again from a signed-in caller answers, from an anonymous one is refused.
    expect((await post(gateway.url, { query: many(DEFAULT_LIMITS.anonymous.maxTokens + 10) }, auth)).json.data).toEqual({ count: DEFAULT_LIMITS.anonymous.maxTokens + 10 });
    expect(await refusal({ query: many(DEFAULT_LIMITS.anonymous.maxTokens + 10) })).toMatchObject({ status: 400, code: 'TOKEN_LIMIT' });
  });

  it('refuses a body over the caller limit with 413 BODY_TOO_LARGE, and batches over the caller limit with BATCH_LIMIT', async () => {
    const padded = (bytes: number) => JSON.stringify({ query: '{ ping }', variables: { pad: 'x'.repeat(bytes) } });
    expect(await refusal(padded(DEFAULT_LIMITS.anonymous.maxBodyBytes))).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect((await post(gateway.url, padded(DEFAULT_LIMITS.anonymous.maxBodyBytes), auth)).status).toBe(200);
    expect(await refusal(padded(DEFAULT_LIMITS.authenticated.maxBodyBytes), auth)).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    const batch = (size: number) => Array.from({ length: size }, () => ({ query: '{ ping }' }));
    expect(await refusal(batch(2))).toMatchObject({ status: 400, code: 'BATCH_LIMIT', limit: 1 });
    const allowed = await post(gateway.url, batch(2), auth);
    expect(allowed.json).toEqual([{ data: { ping: 'pong' } }, { data: { ping: 'pong' } }]);
    expect(await refusal(batch(DEFAULT_LIMITS.authenticated.maxBatch + 1), auth)).toMatchObject({ status: 400, code: 'BATCH_LIMIT' });
  });

  it('refuses the bombs of the issue quickly while a concurrent normal request still answers', async () => {
    const anonymousAliasBomb = JSON.stringify({ query: aliases(660_000) });
    expect(anonymousAliasBomb.length).toBeGreaterThan(9_000_000);
    const signedInDescendants = { query: aliases(1000, 'nodes(first: 1000) { children(first: 1000) { id } }') };
    const normal = post(gateway.url, { query: '{ slow(ms: 300) nodes(first: 2) { id } }' }, auth);
    const bombs = await Promise.all([
      refusal(anonymousAliasBomb),
      refusal(signedInDescendants, auth),
      refusal({ query: nested(200) }, auth),
      refusal({ query: '{ nodes(first: 100000) { children(first: 100000) { id } } }' }, auth),
    ]);
    expect(bombs.map((bomb) => bomb.code)).toEqual(['BODY_TOO_LARGE', expect.stringMatching(/^(TOKEN_LIMIT|ALIAS_LIMIT)$/), 'QUERY_TOO_DEEP', 'COST_LIMIT']);
    for (const bomb of bombs) expect(bomb.ms).toBeLessThan(2_000);
    const answered = await normal;
    expect(answered.json).toEqual({ data: { slow: 'slept 300', nodes: [{ id: 'n0' }, { id: 'n1' }] } });
    expect(answered.ms).toBeLessThan(2_000);
  });
});

describe('the benchmark-only gateway without limits (enforceLimits: false)', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    // Rate limits of one request per minute: a gateway that enforced them would refuse the second request below.
    gateway = await startGatewayOver(subgraph.url, { GATEWAY_LIMITS: JSON.stringify({ rateLimits: { anonymous: { points: 1 } } }) }, undefined, false);
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('runs no limit check, so that a run against it prices them (issue 10)', async () => {
    const deep = await post(gateway.url, { query: nested(DEFAULT_LIMITS.anonymous.maxDepth + 2) });
    expect(deep.json.errors).toBeUndefined();
    const aliased = await post(gateway.url, { query: aliases(DEFAULT_LIMITS.anonymous.maxAliases + 5) });
    expect(aliased.status).toBe(200);
    expect(aliased.json.errors).toBeUndefined();
  });
});
