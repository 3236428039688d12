/**
 * Hive Gateway (`@graphql-hive/gateway-runtime`, the engine of `@graphql-hive/gateway`, with its defaults) over the same
 * supergraph and subgraphs as our gateway, for the comparison of issue 10 (`apps/org-units/scripts/bench-subtree.ts --hive`).
 * Not a product: a benchmark target only. It does what a subgraph requires of any gateway and nothing more: it verifies the
 * caller's Bearer token as ours does (HS256, issuer and audience) and signs, for each subgraph fetch, the gateway assertion
 * bound to that fetch's query and variables (the subgraphs refuse a request without it). None of our gateway's limits,
 * keys, timeouts or metrics: what the comparison prices is the federation engine plus the same identity work.
 *
 * It reads our gateway's variables (loadGatewayConfig: PORT, HOST, ORG_UNITS_URL and the other subgraph URLs, JWT_*,
 * GATEWAY_SIGNING_KEY); the limits, Redis and API keys among them are not used.
 * usage: PORT=4100 ORG_UNITS_URL=http://127.0.0.1:4001/graphql tsx --tsconfig tsconfig.base.json apps/gateway/scripts/hive-gateway.ts
 *   [--no-deduplication]   (its transport's in-flight deduplication of identical subgraph fetches, on by default, off)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createUserTokenVerifier, GATEWAY_ASSERTION_HEADER, signGatewayAssertion, verifyUserToken, type Caller } from '@antt/auth';
import { loadGatewayConfig } from '../src/config';

// Our gateway's own configuration (same variables, same validation): port, host, subgraph URLs, token verifier, signing key.
const config = loadGatewayConfig();

/** The committed supergraph with each subgraph's URL replaced by the configured one. */
function supergraphSdl(): string {
  const sdl = readFileSync(path.resolve(__dirname, '../supergraph.graphql'), 'utf8');
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (_whole, name: string, url: string) => {
    return `@join__graph(name: "${name}", url: "${config.subgraphUrls[name] ?? url}")`;
  });
}

const signingKey = config.GATEWAY_SIGNING_KEY;
const verifier = createUserTokenVerifier(config.userTokens);

/** One verification per client request, however many subgraph fetches it makes. */
const callers = new WeakMap<object, Promise<Caller>>();
function callerOf(request: Request): Promise<Caller> {
  let caller = callers.get(request);
  if (!caller) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    caller = match?.[1] ? verifyUserToken(match[1], verifier) : Promise.resolve(null);
    callers.set(request, caller);
  }
  return caller;
}

/** Signs the caller into every subgraph fetch, bound to the fetch's body as our gateway does. */
const assertionPlugin: GatewayPlugin = {
  async onFetch({ options, setOptions, context }) {
    const request = (context as { request?: Request }).request;
    if (!request || typeof options.body !== 'string') return;
    const body = JSON.parse(options.body) as { query: string; variables?: Record<string, unknown> | null };
    const assertion = await signGatewayAssertion(await callerOf(request), signingKey, { request: { query: body.query, variables: body.variables } });
    // The engine may hand over a Headers object or a plain record: copy either, then add the assertion.
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set(GATEWAY_ASSERTION_HEADER, assertion);
    setOptions({ ...options, headers: Object.fromEntries(headers) });
  },
};

// Its HTTP transport deduplicates identical in-flight subgraph fetches by default; `--no-deduplication` turns that off.
const { values: flags } = parseArgs({ options: { 'no-deduplication': { type: 'boolean', default: false } } });
const gateway = createGatewayRuntime({
  supergraph: supergraphSdl(),
  plugins: () => [assertionPlugin],
  logging: 'warn',
  ...(flags['no-deduplication'] ? { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } } : {}),
});
const server = createServer(gateway);
server.listen(config.PORT, config.HOST, () => process.stdout.write(`hive gateway on http://${config.HOST}:${config.PORT}/graphql\n`));
const stop = () => {
  server.close();
  void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
