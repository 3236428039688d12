import { type IncomingMessage, type ServerResponse } from 'node:http';
import { HttpRefusal } from '@antt/service-kit';
import cors from 'cors';
import helmet from 'helmet';
import { GATEWAY_ERROR_CODES } from './errors';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Headers a front end may send cross-origin. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
];

/** Origin of Apollo's embedded Sandbox, allowed in development only. */
export const APOLLO_SANDBOX_ORIGIN = 'https://sandbox.embed.apollographql.com';

/** Runs a connect-style middleware; resolves true when it answered the request itself (a CORS preflight). */
function run(middleware: Middleware, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve, reject) => {
    middleware(req, res, (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(false)));
    if (res.writableEnded) resolve(true);
  });
}

/** What {@link createHttpPolicy} needs. */
export interface HttpPolicyOptions {
  /** Browser origins allowed to call cross-origin (scheme://host[:port]). */
  corsOrigins: readonly string[];
  /** Development serves Apollo Sandbox from `/graphql`: no Content-Security-Policy then, and no HSTS. */
  development: boolean;
}

/**
 * The gateway's `beforeRoute` hook: security headers on every response (`helmet`), CORS from the allow-list (`cors`:
 * preflights answered with 204, allowed origins echoed), and any request that carries an `Origin` neither allowed nor
 * the gateway's own refused with HTTP 403 CORS_ORIGIN_DENIED before it is read.
 */
export function createHttpPolicy(options: HttpPolicyOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  // The embedded Sandbox served in development runs in an iframe of Apollo's origin and calls the gateway from there.
  const allowed = new Set([...options.corsOrigins, ...(options.development ? [APOLLO_SANDBOX_ORIGIN] : [])]);
  const securityHeaders = helmet({
    contentSecurityPolicy: options.development ? false : { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: !options.development,
  }) as Middleware;
  const corsHeaders = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  }) as Middleware;
  return async (req, res) => {
    await run(securityHeaders, req, res);
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin) && !isSameOrigin(origin, req)) {
      throw new HttpRefusal(403, GATEWAY_ERROR_CODES.CORS_ORIGIN_DENIED, `Origin ${origin} may not call this gateway.`);
    }
    return run(corsHeaders, req, res);
  };
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
