import { createServer } from 'node:http';
import { type BaseConfig } from './config';
import { createLogger, type Logger, REQUEST_ID_HEADER, requestIdFrom } from './logger';
import { type ReadinessCheck, runReadinessChecks } from './readiness';
import { listen } from './server';
import { exitOnSignals, runShutdownHooks, type ShutdownHook } from './shutdown';

/** What a service without a GraphQL API yet (a consumer or relay process) hands to {@link startWorker}. */
export interface WorkerOptions {
  name: string;
  config: BaseConfig;
  readiness?: readonly ReadinessCheck[];
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
  let stopping: Promise<void> | undefined;
  const server = createServer((req, res) => {
    res.setHeader(REQUEST_ID_HEADER, requestIdFrom(req.headers));
    res.setHeader('content-type', 'application/json');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/health') {
      res.end(JSON.stringify({ status: 'ok', service: options.name }));
      return;
    }
    if (req.method === 'GET' && path === '/ready') {
      if (stopping) {
        res.statusCode = 503;
        res.end(JSON.stringify({ ready: false, checks: {}, failed: ['shutting down'] }));
        return;
      }
      runReadinessChecks(options.readiness ?? []).then(
        (report) => {
          res.statusCode = report.ready ? 200 : 503;
          res.end(JSON.stringify(report));
        },
        (error: unknown) => {
          logger.error({ err: error }, 'readiness failed');
          res.statusCode = 503;
          res.end(JSON.stringify({ ready: false }));
        },
      );
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: 'not found' }));
  });
  const port = await listen(server, options.config.PORT, options.config.HOST);
  logger.info({ port }, `${options.name} worker ready (health on http://127.0.0.1:${port}/health)`);

  let removeSignalHandlers: (() => void) | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      removeSignalHandlers?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runShutdownHooks(options.onShutdown ?? [], logger);
      logger.info('stopped');
    })());
  if (options.handleSignals ?? true) removeSignalHandlers = exitOnSignals(stop, logger);
  return { baseUrl: `http://127.0.0.1:${port}`, port, logger, stop };
}
