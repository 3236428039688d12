import { type IncomingMessage, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { type Caller } from '@antt/auth';
import { DomainError } from './errors';
import { type ServiceMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom, requestLogger, type Logger } from './logger';
import { runReadinessChecks, type ReadinessCheck } from './readiness';

/** What every request starts with, before the service adds its own context. */
export interface RequestBase {
  caller: Caller;
  requestId: string;
  logger: Logger;
}

/** How {@link createRequestListener} serves `/graphql`, `/health` and `/ready`. */
export interface RequestListenerOptions<TContext extends BaseContext> {
  name: string;
  apollo: ApolloServer<TContext>;
  logger: Logger;
  /** Resolves the caller; throw a DomainError UNAUTHENTICATED to refuse the request with HTTP 401. */
  authenticate: (req: IncomingMessage) => Promise<Caller>;
  context: (base: RequestBase) => Promise<TContext>;
  readiness?: readonly ReadinessCheck[];
  /** True once shutdown began: `/ready` answers 503 so that load balancers stop sending traffic. */
  isStopping?: () => boolean;
  /** Largest accepted request body. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Served at `GET /metrics` (Prometheus text format) when given. */
  metrics?: ServiceMetrics;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A plain Node `http` request listener: `POST|GET /graphql` through `executeHTTPGraphQLRequest` after `authenticate`,
 * `GET /health` (process up) and `GET /ready` (readiness checks). Every response carries `x-request-id`.
 */
export function createRequestListener<TContext extends BaseContext>(
  options: RequestListenerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers);
    const logger = requestLogger(options.logger, requestId);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    handle(url)
      .catch((error: unknown) => {
        if (error instanceof HttpError) return sendGraphQLError(res, error.status, error.code, error.message);
        logger.error({ err: error }, 'request failed');
        return sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'could not send the response'));

    async function handle(url: URL): Promise<void> {
      if (await answerProbe(url, req, res, options)) return;
      if (url.pathname !== '/graphql') throw new HttpError(404, 'NOT_FOUND', `No route ${url.pathname}.`);
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', 'GET, POST');
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
      }
      let caller: Caller;
      try {
        caller = await options.authenticate(req);
      } catch (error) {
        if (error instanceof DomainError && error.category === 'UNAUTHENTICATED') {
          req.resume();
          return sendGraphQLError(res, 401, 'UNAUTHENTICATED', error.message, error.reason);
        }
        throw error;
      }
      const body = await readBody(req, maxBodyBytes);
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method, headers: toHeaderMap(req), search: url.search, body },
        context: () => options.context({ caller, requestId, logger }),
      });
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}

/** What `/health` and `/ready` answer from: the service name, its readiness checks, and whether it is stopping. */
export interface ProbeOptions {
  name: string;
  readiness?: readonly ReadinessCheck[];
  isStopping?: () => boolean;
  metrics?: ServiceMetrics;
}

/**
 * Answers `GET /health` (process up), `GET /ready` (every readiness check passes and the process is not stopping) and
 * `GET /metrics` (when the service has metrics); resolves false for any other request, which the caller then serves.
 */
export async function answerProbe(url: URL, req: IncomingMessage, res: ServerResponse, options: ProbeOptions): Promise<boolean> {
  if (req.method !== 'GET') return false;
  if (url.pathname === '/health') {
    sendJson(res, 200, { status: 'ok', service: options.name });
    return true;
  }
  if (url.pathname === '/metrics' && options.metrics) {
    const { contentType, body } = await options.metrics.render();
    res.statusCode = 200;
    res.setHeader('content-type', contentType);
    res.end(body);
    return true;
  }
  if (url.pathname === '/ready') {
    if (options.isStopping?.()) {
      sendJson(res, 503, { status: 'stopping', service: options.name, ready: false });
      return true;
    }
    const report = await runReadinessChecks(options.readiness ?? []);
    sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', service: options.name, ...report });
    return true;
  }
  return false;
}

/** A JSON error body with a GraphQL-shaped `errors` array, for requests refused before GraphQL runs. */
export function sendRouteNotFound(res: ServerResponse, pathname: string): void {
  sendGraphQLError(res, 404, 'NOT_FOUND', `No route ${pathname}.`);
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'BAD_REQUEST', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return undefined;
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function sendGraphQLError(res: ServerResponse, status: number, code: string, message: string, reason?: string): void {
  sendJson(res, status, { errors: [{ message, extensions: reason ? { code, reason } : { code } }] });
}
