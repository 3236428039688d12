import { type IncomingMessage, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { type Caller } from '@antt/auth';
import { DomainError } from './errors';
import { type ServiceMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom, requestLogger, type Logger } from './logger';
import { runReadinessChecks, type ReadinessCheck } from './readiness';
import { withServerSpan } from './tracing';

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
  /** Served at `GET /metrics` (Prometheus text format) when given. */
  metrics?: ServiceMetrics;
  /** Largest accepted request body, for every caller or per caller. Default 10 MiB. Larger: HTTP 413 BODY_TOO_LARGE. */
  maxBodyBytes?: number | ((caller: Caller) => number);
  /**
   * Runs first on every request (any route): set response headers (CORS, security headers) and resolve true when the
   * request is fully answered (a CORS preflight). Throw an {@link HttpRefusal} to refuse it.
   */
  beforeRoute?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Runs on `/graphql` once the caller is known, before the body is read (rate limits): throw an {@link HttpRefusal}. */
  admit?: (req: IncomingMessage, caller: Caller, res: ServerResponse) => Promise<void>;
  /**
   * Runs on `/graphql` once the body is read, before GraphQL: throw an {@link HttpRefusal} (e.g. a batch too large) or a
   * DomainError UNAUTHENTICATED (HTTP 401, e.g. an assertion not bound to this body).
   */
  verifyRequest?: (req: IncomingMessage, body: unknown, caller: Caller) => void | Promise<void>;
}

/** A request refused before GraphQL runs: sent as HTTP `status` with `{ errors: [{ message, extensions: { code } }] }`. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Response headers to add, e.g. `retry-after`. */
    readonly headers: Record<string, string> = {},
    /** Extra `extensions` fields (stable, documented values only). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpRefusal';
  }
}

/** HTTP 413 code for a body over the limit. */
export const BODY_TOO_LARGE = 'BODY_TOO_LARGE';

/**
 * A plain Node `http` request listener: `POST|GET /graphql` through `executeHTTPGraphQLRequest` after `authenticate`,
 * `GET /health` (process up) and `GET /ready` (readiness checks). Every response carries `x-request-id`.
 */
export function createRequestListener<TContext extends BaseContext>(
  options: RequestListenerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const bodyLimit = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const maxBodyBytes = typeof bodyLimit === 'number' ? () => bodyLimit : bodyLimit;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers);
    const logger = requestLogger(options.logger, requestId);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const respond = () =>
      handle(url).catch((error: unknown) => {
        if (error instanceof HttpRefusal) {
          req.resume();
          for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
          return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] });
        }
        logger.error({ err: error }, 'request failed');
        return sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      });
    // Probes are not traced; a `/graphql` request runs in a server span continuing the caller's `traceparent`.
    const attributes = { 'http.request.method': req.method ?? 'GET', 'url.path': url.pathname, 'antt.request_id': requestId };
    const served =
      url.pathname === '/graphql'
        ? withServerSpan(`${req.method ?? 'GET'} /graphql`, req.headers, attributes, () => respond().then(() => res.statusCode))
        : respond();
    served
      .catch((error: unknown) => logger.error({ err: error }, 'could not send the response'));

    async function handle(url: URL): Promise<void> {
      if (options.beforeRoute && (await options.beforeRoute(req, res))) return;
      if (await answerProbe(url, req, res, options)) return;
      if (url.pathname !== '/graphql') throw new HttpRefusal(404, 'NOT_FOUND', `No route ${url.pathname}.`);
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', 'GET, POST');
        throw new HttpRefusal(405, 'METHOD_NOT_ALLOWED', 'Use GET or POST.');
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
      if (options.admit) await options.admit(req, caller, res);
      const body = await readBody(req, maxBodyBytes(caller));
      if (options.verifyRequest) {
        try {
          await options.verifyRequest(req, body, caller);
        } catch (error) {
          if (error instanceof DomainError && error.category === 'UNAUTHENTICATED') {
            return sendGraphQLError(res, 401, 'UNAUTHENTICATED', error.message, error.reason);
          }
          throw error;
        }
      }
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
  if (url.pathname === '/metrics' && options.metrics?.enabled) {
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
    const status = !report.ready ? 'unavailable' : report.failed.length > 0 ? 'degraded' : 'ready';
    sendJson(res, report.ready ? 200 : 503, { status, service: options.name, ...report });
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
  const tooLarge = () =>
    new HttpRefusal(413, BODY_TOO_LARGE, `The request body is larger than ${maxBytes} bytes.`, { connection: 'close' }, { limit: maxBytes });
  // A declared length over the limit is refused before a byte is read.
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the rest of the body is read and dropped while the 413 goes out (the connection then closes).
        req.off('data', onData);
        req.resume();
        reject(tooLarge());
        return;
      }
      received.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(received));
    req.once('error', reject);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return undefined;
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpRefusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
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
