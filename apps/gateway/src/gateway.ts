import { type IncomingMessage } from 'node:http';
import { ApolloGateway, type GraphQLDataSource, type ServiceEndpointDefinition } from '@apollo/gateway';
import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createUserTokenVerifier, GATEWAY_ASSERTION_TTL_SECONDS, unauthenticated, verifyUserToken, type Caller } from '@antt/auth';
import { createLogger, HttpRefusal, type Logger, type RunningServer, ServiceMetrics, serveGraphQL } from '@antt/service-kit';
import { type EnumTypeDefinitionNode, Kind, parse } from 'graphql';
import { createApiKeyAccess, type ApiKeyAccess } from './api-keys/api-key-access';
import { createApiKeyAdminRoutes } from './api-keys/admin-routes';
import { ApiKeyStore } from './api-keys/api-key-store';
import { abuseLimitsPlugin, checkRequestTokens, parseOptionsFor } from './abuse-limits';
import { applyApolloTelemetryPreference, type GatewayConfig } from './config';
import { GATEWAY_ERROR_CODES, PUBLIC_GATEWAY_CODES } from './errors';
import { createHttpPolicy } from './http-policy';
import { callerLimits } from './limits';
import { createRateLimiter } from './rate-limit';
import { nullingRefusedEntities, recordingRefusedEntities } from './refused-entities';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';

/** What {@link createGateway} needs. */
export interface GatewayOptions {
  /** The composed supergraph (static: never introspected at start-up). */
  supergraphSdl: string;
  config: GatewayConfig;
  /** Replaces the default data source (HTTP with the signed caller), e.g. `LocalGraphQLDataSource` in tests. */
  buildService?: (definition: ServiceEndpointDefinition) => GraphQLDataSource;
  logger?: Logger;
  /** Exit on SIGTERM/SIGINT after a graceful stop. Default true; in-process tests pass false. */
  handleSignals?: boolean;
  /**
   * Benchmarks only (`scripts/gateway-without-limits.ts`, issue 10's "the limits add under 5 %"): false runs no rate limit,
   * batch, token, depth, alias, directive or cost check, so that a run against it prices them. Never set by `main.ts`.
   */
  enforceLimits?: boolean;
}

/**
 * Starts the Apollo gateway on a plain Node http server: `/graphql` (Bearer token verified here; none = anonymous,
 * invalid = HTTP 401 UNAUTHENTICATED), `/health`, `/ready` (with each subgraph's health); Apollo Sandbox only when
 * NODE_ENV=development. Before anything is executed every request goes through the limits of `limits.ts` (body size,
 * rate, batch, tokens, depth, aliases, directives, cost); subgraph calls are pooled and bounded in time.
 */
export async function createGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config } = options;
  const { limits } = config;
  const enforce = options.enforceLimits ?? true;
  const logger = options.logger ?? createLogger(config, 'gateway');
  applyApolloTelemetryPreference(config);
  const verifier = createUserTokenVerifier(config.userTokens);
  const subgraphs = new Map<string, SubgraphDataSource>();
  const metrics = new ServiceMetrics('gateway', { enabled: config.METRICS_ENABLED });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: (definition) => recordingRefusedEntities((options.buildService ?? buildHttpService)(definition)),
  });
  function buildHttpService({ name, url }: ServiceEndpointDefinition): GraphQLDataSource {
    const target = config.subgraphUrls[name] ?? url;
    if (!target) throw new Error(`The supergraph gives no URL for subgraph "${name}" and none is configured.`);
    const source = new SubgraphDataSource({
      name,
      url: target,
      signingKey: config.GATEWAY_SIGNING_KEY,
      timeoutMs: limits.subgraphs.timeoutMsBySubgraph[name] ?? limits.subgraphs.timeoutMs,
      maxConnections: limits.subgraphs.maxConnections,
      keepAliveMs: limits.subgraphs.keepAliveMs,
      assertionTtlSeconds: Math.min(GATEWAY_ASSERTION_TTL_SECONDS, config.GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS),
      logger,
      onFetch: (outcome, seconds) => metrics.recordSubgraphFetch(name, outcome, seconds),
    });
    subgraphs.set(name, source);
    return source;
  }
  const rateLimiter = createRateLimiter({
    limits: limits.rateLimits,
    redisUrl: config.REDIS_URL,
    keyPrefix: config.RATE_LIMIT_KEY_PREFIX,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    logger,
  });
  const apiKeyStore = config.DATABASE_URL ? new ApiKeyStore(config.DATABASE_URL, config.apiKeyPepper) : null;
  const apiKeys = createApiKeyAccess({ store: apiKeyStore, logger });
  const httpPolicy = createHttpPolicy({ corsOrigins: config.corsOrigins, development: config.NODE_ENV === 'development' });
  const adminRoutes = createApiKeyAdminRoutes({
    store: apiKeyStore,
    authenticate: (req) => callerFromAuthorization(req, verifier),
    admit: (req, caller) => rateLimiter.admit(req, caller),
  });
  const production = config.NODE_ENV === 'production';
  // GraphQL Armor's field-suggestion masking: "Did you mean …" would describe the schema to anyone in production.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: production },
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
  return serveGraphQL<GatewayContext>({
    name: 'gateway',
    config,
    logger,
    // A reference the owning subgraph does not show the caller (a null entity) comes back null, without an error.
    executor: { gateway: nullingRefusedEntities(gateway) },
    plugins: [
      config.NODE_ENV === 'development'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      ...(enforce ? [abuseLimitsPlugin(limits) as ApolloServerPlugin<GatewayContext>] : []),
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      clientRecordingPlugin(),
    ],
    apollo: {
      parseOptions: enforce ? parseOptionsFor(limits) : {},
      allowBatchedHttpRequests: Math.max(limits.anonymous.maxBatch, limits.authenticated.maxBatch) > 1,
      csrfPrevention: true,
      introspection: !production,
    },
    publicErrorCodes: PUBLIC_GATEWAY_CODES,
    http: {
      maxBodyBytes: (caller) => callerLimits(limits, caller !== null).maxBodyBytes,
      beforeRoute: async (req, res) => (await httpPolicy(req, res)) || adminRoutes(req, res),
      admit: async (req, caller, res) => {
        apiKeys.track(req, res);
        if (!enforce) return;
        try {
          await rateLimiter.admit(req, caller);
        } catch (error) {
          if (error instanceof HttpRefusal) apiKeys.refused(req, error.code);
          throw error;
        }
      },
      verifyRequest: async (req, body, caller) => {
        await apiKeys.verify(req, body);
        if (!enforce) return;
        const own = callerLimits(limits, caller !== null);
        if (Array.isArray(body) && body.length > own.maxBatch) {
          throw new HttpRefusal(400, GATEWAY_ERROR_CODES.BATCH_LIMIT, `At most ${own.maxBatch} operation(s) per request.`, {}, { limit: own.maxBatch });
        }
        checkRequestTokens(body, new URL(req.url ?? '/', 'http://gateway').searchParams, own);
      },
    },
    authenticate: (req) => authenticate(req, verifier, apiKeys),
    context: async ({ caller, requestId, logger: requestLogger }) => ({
      caller,
      requestId,
      logger: requestLogger,
      deadline: Date.now() + limits.subgraphs.requestTimeoutMs,
      client: {},
    }),
    readiness: [
      // A subgraph down leaves the gateway ready (the rest of the graph answers) and is reported as degraded.
      ...subgraphNames(options.supergraphSdl).map((name) => ({
        name: `subgraph:${name}`,
        critical: false,
        check: async () => {
          const source = subgraphs.get(name);
          if (!source) throw new Error('no HTTP data source (built by buildService)');
          await source.probe(limits.subgraphs.healthTimeoutMs);
        },
      })),
      { name: 'rate-limit-store', critical: false, check: () => rateLimiter.check() },
      // Without its database the gateway still serves users; only API keys are refused.
      ...(apiKeyStore ? [{ name: 'api-key-store', critical: false, check: () => apiKeyStore.ping() }] : []),
    ],
    onStart: [
      { name: 'rate limit store', run: () => rateLimiter.connect() },
      ...(apiKeyStore ? [{ name: 'api key tables', run: () => apiKeyStore.migrate() }] : []),
    ],
    onShutdown: [
      { name: 'api key audit', run: () => apiKeys.close().then(() => apiKeyStore?.close()) },
      { name: 'subgraph connections', run: () => Promise.all([...subgraphs.values()].map((source) => source.close())) },
      { name: 'rate limit store', run: () => rateLimiter.close() },
    ],
    handleSignals: options.handleSignals,
    metrics,
  });
}

/** The subgraph names a supergraph routes to (the `join__Graph` enum values' `@join__graph(name:)`). */
export function subgraphNames(supergraphSdl: string): string[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  return (graphs?.values ?? []).flatMap((value) => {
    const argument = value.directives?.find((directive) => directive.name.value === 'join__graph')?.arguments?.find((arg) => arg.name.value === 'name');
    return argument?.value.kind === Kind.STRING ? [argument.value.value] : [];
  });
}

/** Logs one line per operation with the client that sent it, so that front ends and their versions are on record. */
function clientRecordingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const header = (name: string) => request.http?.headers.get(name) ?? undefined;
      const client = { name: header('apollographql-client-name'), version: header('apollographql-client-version') };
      contextValue.client = client;
      contextValue.logger = contextValue.logger.child({ clientName: client.name, clientVersion: client.version });
      const started = Date.now();
      return {
        async willSendResponse({ operationName, errors }) {
          contextValue.logger.info(
            { operationName, ms: Date.now() - started, errors: errors?.length ?? 0, caller: contextValue.caller?.subject ?? null },
            'operation',
          );
        },
      };
    },
  };
}

/** An external agency's API key when the request carries one, else the end user's Bearer token (none = anonymous). */
function authenticate(req: IncomingMessage, verifier: ReturnType<typeof createUserTokenVerifier>, apiKeys: ApiKeyAccess): Promise<Caller> {
  const key = apiKeys.presentedKey(req);
  return key === undefined ? callerFromAuthorization(req, verifier) : apiKeys.authenticate(req, key);
}

async function callerFromAuthorization(req: IncomingMessage, verifier: ReturnType<typeof createUserTokenVerifier>): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('TOKEN_INVALID', 'Send the token as "Authorization: Bearer <token>".');
  return verifyUserToken(match[1], verifier);
}
