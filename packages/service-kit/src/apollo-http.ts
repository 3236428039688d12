import { createServer, type IncomingMessage } from 'node:http';
import {
  ApolloServer,
  type ApolloServerOptionsWithGateway,
  type ApolloServerPlugin,
  type BaseContext,
} from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { type Caller } from '@antt/auth';
import { type GraphQLSchema } from 'graphql';
import { type BaseConfig } from './config';
import { createFormatError, errorLoggingPlugin } from './format-error';
import { createRequestListener, type RequestBase, type RequestListenerOptions } from './http';
import { type Logger } from './logger';
import { type ServiceMetrics } from './metrics';
import { type ReadinessCheck } from './readiness';
import { listen } from './listen';
import { gracefulStop, runStartSteps, type ShutdownHook, type StartStep } from './shutdown';
import { startTracing, tracingPlugin } from './tracing';

/** A listening server. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>/graphql` */
  url: string;
  port: number;
  logger: Logger;
  /** Stops accepting, drains in-flight requests, then runs the shutdown hooks in order. Idempotent. */
  stop: () => Promise<void>;
}

/** What {@link serveGraphQL} needs; subgraphs and the gateway differ only in these. */
export interface GraphQLHttpOptions<TContext extends BaseContext> {
  name: string;
  config: BaseConfig;
  logger: Logger;
  /** A subgraph's schema, or the gateway that plans over the supergraph. */
  executor: { schema: GraphQLSchema } | { gateway: ApolloServerOptionsWithGateway<TContext>['gateway'] };
  /** Landing page and any other plugin the server adds to the common ones. */
  plugins: ApolloServerPlugin<TContext>[];
  /** Resolves the caller of a `/graphql` request; a DomainError UNAUTHENTICATED refuses it with HTTP 401. */
  authenticate: (req: IncomingMessage) => Promise<Caller>;
  context: (base: RequestBase) => Promise<TContext>;
  readiness?: readonly ReadinessCheck[];
  onStart?: readonly StartStep[];
  onShutdown?: readonly ShutdownHook[];
  handleSignals?: boolean;
  stopGracePeriodMillis?: number;
  /** Requests counted and timed, and `GET /metrics` served, when given. */
  metrics?: ServiceMetrics;
  /** HTTP hooks and limits before GraphQL runs (body size, CORS and headers, rate limits, request checks). */
  http?: Pick<RequestListenerOptions<TContext>, 'maxBodyBytes' | 'beforeRoute' | 'admit' | 'verifyRequest'>;
  /** Apollo Server options the process sets itself (parse limits, batching, persisted queries, CSRF prevention). */
  apollo?: Pick<
    ApolloServerOptionsWithGateway<TContext>,
    'parseOptions' | 'allowBatchedHttpRequests' | 'persistedQueries' | 'csrfPrevention' | 'introspection'
  >;
  /** `extensions.code` values shown to callers as they are (beside DomainErrors and request errors). */
  publicErrorCodes?: readonly string[];
}

/**
 * Apollo Server 5 on a plain Node http server, as every GraphQL process of the platform runs it: one error formatter,
 * no stack traces, introspection off in production, `/graphql` + `/health` + `/ready`, request-scoped logging, tracing
 * (see {@link startTracing}: one server span per `/graphql` request when OTEL_EXPORTER_OTLP_ENDPOINT is set), and a
 * graceful stop (drain, then the shutdown hooks, then the last spans flushed) on SIGTERM/SIGINT.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): Promise<RunningServer> {
  const { config, logger } = options;
  const tracing = startTracing(config, options.name);
  const httpServer = createServer();
  const apollo = new ApolloServer<TContext>({
    ...options.executor,
    ...options.apollo,
    formatError: createFormatError(options.publicErrorCodes ?? []),
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours: Apollo's own handler would re-raise the signal before the shutdown hooks run.
    stopOnTerminationSignals: false,
    introspection: options.apollo?.introspection ?? config.NODE_ENV !== 'production',
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.stopGracePeriodMillis ?? 10_000 }),
      ...options.plugins,
      ...(options.metrics ? [options.metrics.plugin<TContext>()] : []),
      ...(tracing.enabled ? [tracingPlugin<TContext>()] : []),
      errorLoggingPlugin(options.publicErrorCodes ?? []),
    ],
  } as ConstructorParameters<typeof ApolloServer<TContext>>[0]);
  // The handlers go in before the first await, so that a signal during the start already finds them.
  const lifecycle = gracefulStop({
    closeServer: () => apollo.stop(),
    hooks: [...(options.onShutdown ?? []), { name: 'traces', run: () => tracing.flush() }],
    logger,
    handleSignals: options.handleSignals,
    startup: () => startup,
  });
  const startup = (async () => {
    await runStartSteps(options.onStart ?? [], lifecycle.isStopping, logger);
    await apollo.start();
    httpServer.on(
      'request',
      createRequestListener<TContext>({
        name: options.name,
        apollo,
        logger,
        readiness: options.readiness,
        isStopping: lifecycle.isStopping,
        authenticate: options.authenticate,
        context: options.context,
        metrics: options.metrics,
        ...options.http,
      }),
    );
    return listen(httpServer, config.PORT, config.HOST);
  })();
  const port = await startup;
  logger.info({ port }, `${options.name} ready at http://127.0.0.1:${port}/graphql`);
  return { url: `http://127.0.0.1:${port}/graphql`, port, logger, stop: lifecycle.stop };
}
