import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { GATEWAY_ASSERTION_HEADER, assertionBindsRequest, unauthenticated, verifyGatewayAssertion } from '@antt/auth';
import { type IncomingMessage } from 'node:http';
import { parse, type DocumentNode } from 'graphql';
import { type BaseConfig } from './config';
import { type RunningServer, serveGraphQL } from './apollo-http';
import { type RequestBase } from './http';
import { createLogger, type Logger } from './logger';
import { ServiceMetrics } from './metrics';
import { type ReadinessCheck } from './readiness';
import { applyPersonalDataPolicy } from './personal-data';
import { type ShutdownHook, type StartStep } from './shutdown';

/** The context every resolver receives; the service's `context` factory adds its own fields to it. */
export interface SubgraphBaseContext<TLoaders = Record<string, never>> extends RequestBase {
  /** Per-request DataLoaders built by the service's `loaders` factory (empty when it has none). */
  loaders: TLoaders;
}
export type SubgraphContext<TLoaders = Record<string, never>, TExtra = unknown> = SubgraphBaseContext<TLoaders> & TExtra;

/** What a subgraph's `main.ts` hands to {@link startSubgraph}. */
export interface SubgraphOptions<TLoaders, TExtra> {
  /** Service name, e.g. `org-units`: logger name and `/health` answer. */
  name: string;
  /** Federation SDL (with `@link` to federation v2). */
  typeDefs: DocumentNode | string;
  /** Resolver map (a GraphQL Codegen `Resolvers` type fits). */
  resolvers: object;
  /** Validated config from `loadConfig`: NODE_ENV, HOST, PORT, LOG_LEVEL, LOG_PRETTY, GATEWAY_SIGNING_KEY are used. */
  config: BaseConfig;
  /** Builds fresh per-request DataLoaders (see `createEntityLoader`). */
  loaders?: () => TLoaders;
  /** Adds service fields to the context of each request. */
  context?: (base: SubgraphBaseContext<TLoaders>) => TExtra | Promise<TExtra>;
  /** Checks `/ready` runs (database ping, Kafka reachable). */
  readiness?: readonly ReadinessCheck[];
  /** Run in order before the server listens, with the signal handlers already in place: start the relay. */
  onStart?: readonly StartStep[];
  /** Run in order after in-flight requests drained: stop relay, stop consumers, close pools. */
  onShutdown?: readonly ShutdownHook[];
  /** Defaults to a pino logger built from config. */
  logger?: Logger;
  /** Exit on SIGTERM/SIGINT after a graceful stop. Default true; in-process tests pass false. */
  handleSignals?: boolean;
  /** How long in-flight requests may take to finish on shutdown. Default 10 s. */
  stopGracePeriodMillis?: number;
  /** The service's metrics (give one to register its pool and events first); a fresh one otherwise. */
  metrics?: ServiceMetrics;
}

/**
 * Starts a federation subgraph: `/graphql` for requests signed by the gateway (anything else gets HTTP 401
 * UNAUTHENTICATED: no assertion, a forged or expired one, one living longer than GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS,
 * or one signed for another query or other variables), `/health`, `/ready`, `/metrics`, one error formatter, request-scoped
 * logger and loaders, graceful shutdown, and the personal data rule (`@personalData` fields null to EXTERNAL_READER).
 * Introspection is off in production; subgraphs never serve a landing page (use the gateway's).
 */
export async function startSubgraph<TLoaders = Record<string, never>, TExtra = unknown>(
  options: SubgraphOptions<TLoaders, TExtra>,
): Promise<RunningServer> {
  const { config } = options;
  const typeDefs = typeof options.typeDefs === 'string' ? parse(options.typeDefs) : options.typeDefs;
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]);
  // Fields marked @personalData answer null to EXTERNAL_READER and anonymous callers (see personal-data.ts).
  applyPersonalDataPolicy(schema);
  return serveGraphQL<SubgraphContext<TLoaders, TExtra>>({
    name: options.name,
    config,
    logger: options.logger ?? createLogger(config, options.name),
    executor: { schema },
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    authenticate: (req) =>
      verifyGatewayAssertion(assertionOf(req), config.GATEWAY_SIGNING_KEY, {
        maxLifetimeSeconds: config.GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS,
      }),
    http: {
      verifyRequest: (req, body) => {
        if (!assertionBindsRequest(assertionOf(req) ?? '', body)) {
          throw unauthenticated('GATEWAY_ASSERTION_UNBOUND', 'The gateway assertion was signed for another request.');
        }
      },
    },
    context: async (base) => {
      const withLoaders = { ...base, loaders: options.loaders ? options.loaders() : ({} as TLoaders) };
      const extra = options.context ? await options.context(withLoaders) : ({} as TExtra);
      return { ...withLoaders, ...extra };
    },
    readiness: options.readiness,
    onStart: options.onStart,
    onShutdown: options.onShutdown,
    handleSignals: options.handleSignals,
    stopGracePeriodMillis: options.stopGracePeriodMillis,
    metrics: options.metrics ?? new ServiceMetrics(options.name, { enabled: options.config.METRICS_ENABLED }),
  });
}

function assertionOf(req: IncomingMessage): string | undefined {
  const header = req.headers[GATEWAY_ASSERTION_HEADER];
  return Array.isArray(header) ? header[0] : header;
}
