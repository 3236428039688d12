import { createServer, type IncomingMessage } from 'node:http';
import { ApolloGateway, type GraphQLDataSource, type ServiceEndpointDefinition } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createUserTokenVerifier, unauthenticated, verifyUserToken, type Caller } from '@antt/auth';
import {
  createLogger,
  createRequestListener,
  errorLoggingPlugin,
  exitOnSignals,
  formatError,
  listen,
  type Logger,
  type RunningServer,
} from '@antt/service-kit';
import { AssertionDataSource, type GatewayContext } from './assertion-data-source';
import { applyApolloTelemetryPreference, type GatewayConfig } from './config';

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
}

/**
 * Starts the Apollo gateway on a plain Node http server: `/graphql` (Bearer token verified here; none = anonymous,
 * invalid = HTTP 401 UNAUTHENTICATED), `/health`, `/ready`; Apollo Sandbox only when NODE_ENV=development.
 */
export async function createGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config, 'gateway');
  applyApolloTelemetryPreference(config);
  const verifier = createUserTokenVerifier(config.userTokens);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService:
      options.buildService ??
      (({ name, url }) => {
        const target = config.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`The supergraph gives no URL for subgraph "${name}" and none is configured.`);
        return new AssertionDataSource(target, config.GATEWAY_SIGNING_KEY);
      }),
  });
  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours: Apollo's own handler would re-raise the signal before the shutdown hooks run.
    stopOnTerminationSignals: false,
    introspection: config.NODE_ENV !== 'production',
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      config.NODE_ENV === 'development'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(),
    ],
  });
  await apollo.start();

  let stopping: Promise<void> | undefined;
  httpServer.on(
    'request',
    createRequestListener<GatewayContext>({
      name: 'gateway',
      apollo,
      logger,
      isStopping: () => stopping !== undefined,
      authenticate: (req) => callerFromAuthorization(req, verifier),
      context: async ({ caller, requestId, logger: requestLogger }) => ({ caller, requestId, logger: requestLogger }),
    }),
  );
  const port = await listen(httpServer, config.PORT, config.HOST);
  logger.info({ port }, `gateway ready at http://127.0.0.1:${port}/graphql`);

  let removeSignalHandlers: (() => void) | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      removeSignalHandlers?.();
      await apollo.stop();
      logger.info('stopped');
    })());
  if (options.handleSignals ?? true) removeSignalHandlers = exitOnSignals(stop, logger);
  return { url: `http://127.0.0.1:${port}/graphql`, port, logger, stop };
}

async function callerFromAuthorization(req: IncomingMessage, verifier: ReturnType<typeof createUserTokenVerifier>): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('TOKEN_INVALID', 'Send the token as "Authorization: Bearer <token>".');
  return verifyUserToken(match[1], verifier);
}
