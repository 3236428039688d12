import { type IncomingMessage } from 'node:http';
import { ApolloGateway, type GraphQLDataSource, type ServiceEndpointDefinition } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createUserTokenVerifier, unauthenticated, verifyUserToken, type Caller } from '@antt/auth';
import { createLogger, type Logger, type RunningServer, ServiceMetrics, serveGraphQL } from '@antt/service-kit';
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
  return serveGraphQL<GatewayContext>({
    name: 'gateway',
    config,
    logger,
    executor: { gateway },
    plugins: [
      config.NODE_ENV === 'development'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
    authenticate: (req) => callerFromAuthorization(req, verifier),
    context: async ({ caller, requestId, logger: requestLogger }) => ({ caller, requestId, logger: requestLogger }),
    handleSignals: options.handleSignals,
    metrics: new ServiceMetrics('gateway'),
  });
}

async function callerFromAuthorization(req: IncomingMessage, verifier: ReturnType<typeof createUserTokenVerifier>): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('TOKEN_INVALID', 'Send the token as "Authorization: Bearer <token>".');
  return verifyUserToken(match[1], verifier);
}
