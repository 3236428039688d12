import { createServer } from 'node:http';
import { type BaseConfig } from './config';
import { createLogger, type Logger, REQUEST_ID_HEADER, requestIdFrom } from './logger';
import { answerProbe, sendRouteNotFound } from './http';
import { type ReadinessCheck } from './readiness';
import { listen } from './listen';
import { gracefulStop, runStartSteps, type ShutdownHook, type StartStep } from './shutdown';
import { startTracing } from './tracing';

/** What a service without a GraphQL API yet (a consumer or relay process) hands to {@link startWorker}. */
export interface WorkerOptions {
  name: string;
  config: BaseConfig;
  readiness?: readonly ReadinessCheck[];
  /** Run in order before the health server listens, with the signal handlers already in place: wait for a consumer. */
  onStart?: readonly StartStep[];
  /** Run in order on shutdown: stop consumers, stop the relay, close pools. */
  onShutdown?: readonly ShutdownHook[];
  logger?: Logger;
  /** Exit on SIGTERM/SIGINT after a graceful stop. Default true; in-process tests pass false. */
  handleSignals?: boolean;
}

/** A running worker: its health server, and a graceful stop. */
export interface RunningWorker {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
  logger: Logger;
  /** Closes the health server, then runs the shutdown hooks in order. Idempotent. */
  stop: () => Promise<void>;
}

/**
 * Serves `/health` and `/ready` for a process whose work is consuming or relaying events, with the same readiness,
 * shutdown and logging behaviour as {@link startSubgraph}, so that every service is run and probed the same way.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger(options.config, options.name);
  // The consumers and relays a worker runs start their spans once this is set up.
  const tracing = startTracing(options.config, options.name);
  const server = createServer((req, res) => {
    res.setHeader(REQUEST_ID_HEADER, requestIdFrom(req.headers));
    const url = new URL(req.url ?? '/', 'http://localhost');
    answerProbe(url, req, res, { name: options.name, readiness: options.readiness, isStopping: lifecycle.isStopping })
      .then((answered) => {
        if (!answered) sendRouteNotFound(res, url.pathname);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'probe failed');
        res.statusCode = 500;
        res.end();
      });
  });
  // The handlers go in before the first await, so that a signal during the start already finds them.
  const lifecycle = gracefulStop({
    closeServer: () => new Promise<void>((resolve) => server.close(() => resolve())),
    hooks: [...(options.onShutdown ?? []), { name: 'traces', run: () => tracing.flush() }],
    logger,
    handleSignals: options.handleSignals,
    startup: () => startup,
  });
  const startup = (async () => {
    await runStartSteps(options.onStart ?? [], lifecycle.isStopping, logger);
    return listen(server, options.config.PORT, options.config.HOST);
  })();
  const port = await startup;
  logger.info({ port }, `${options.name} worker ready (health on http://127.0.0.1:${port}/health)`);

  return { baseUrl: `http://127.0.0.1:${port}`, port, logger, stop: lifecycle.stop };
}
