import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { unauthenticated } from './domain-error';
import { type Caller } from './identity';
import { identityFromClaims } from './user-token';

/** Header that carries the gateway's signed statement of who the caller is. */
export const GATEWAY_ASSERTION_HEADER = 'x-antt-gateway-assertion';
/** `iss` of every gateway assertion. */
export const GATEWAY_ASSERTION_ISSUER = 'antt-gateway';
/** `aud` of every gateway assertion. */
export const GATEWAY_ASSERTION_AUDIENCE = 'antt-subgraph';
/**
 * Default lifetime of an assertion in seconds. The gateway signs one per subgraph fetch, so it only has to outlive that
 * fetch; subgraphs refuse any assertion whose lifetime (`exp - iat`) exceeds their configured maximum.
 */
export const GATEWAY_ASSERTION_TTL_SECONDS = 15;
/** Default largest lifetime (`exp - iat`) a subgraph accepts. */
export const GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS = 30;

/** The subgraph request an assertion is bound to: the operation text and its variables, as sent in the JSON body. */
export interface AssertedRequest {
  query: string;
  variables?: Record<string, unknown> | null;
}

/** Options of {@link signGatewayAssertion}. */
export interface SignAssertionOptions {
  /** The subgraph request this assertion may be used for (claim `req`, a SHA-256 of query and variables). */
  request: AssertedRequest;
  /** Lifetime in seconds; default {@link GATEWAY_ASSERTION_TTL_SECONDS}. */
  ttlSeconds?: number;
}

/** Options of {@link verifyGatewayAssertion}. */
export interface VerifyAssertionOptions {
  /** Largest accepted `exp - iat`; default {@link GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS}. */
  maxLifetimeSeconds?: number;
}

// One KeyObject per key: signing with it is about twice as fast as with raw bytes, which jose imports on every call.
const secretKeys = new Map<string, KeyObject>();
function encode(key: string): KeyObject {
  let secret = secretKeys.get(key);
  if (!secret) {
    secret = createSecretKey(Buffer.from(key, 'utf8'));
    secretKeys.set(key, secret);
  }
  return secret;
}

/**
 * The binding claim of a request: SHA-256 (base64url) of `[query, variables]` as JSON. Variables serialise the same on
 * both sides because the subgraph hashes what it parsed from the JSON the gateway wrote.
 */
export function gatewayRequestBinding(request: AssertedRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.query, request.variables ?? null]))
    .digest('base64url');
}

/**
 * Signs the caller for one subgraph request (HS256 with the shared gateway key), bound to that request's query and
 * variables so that a captured assertion cannot be replayed for another operation. A `null` caller becomes
 * `anon: true`: the request did come through the gateway, without an end-user token.
 */
export async function signGatewayAssertion(caller: Caller, key: string, options: SignAssertionOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    ...(caller ? { roles: caller.roles, unit: caller.jurisdictionUnitId } : { anon: true }),
    req: gatewayRequestBinding(options.request),
    iss: GATEWAY_ASSERTION_ISSUER,
    aud: GATEWAY_ASSERTION_AUDIENCE,
    iat: now,
    exp: now + (options.ttlSeconds ?? GATEWAY_ASSERTION_TTL_SECONDS),
    ...(caller ? { sub: caller.subject } : {}),
  };
  // A compact JWS (RFC 7515) signed with node:crypto's HMAC, synchronously: jose signs through WebCrypto, whose promise job
  // per signature cost a fifth of the gateway's CPU under load (one assertion per subgraph fetch). Only signing is done
  // here, on claims the gateway builds itself; every verification still goes through jose.
  const input = `${ASSERTION_HEADER_SEGMENT}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', encode(key)).update(input).digest('base64url')}`;
}

const ASSERTION_HEADER_SEGMENT = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/**
 * Verifies a gateway assertion's signature, issuer, audience, expiry and lifetime, and returns the caller it states
 * (`null` for an anonymous caller). The request binding is checked separately by {@link assertionBindsRequest}, once
 * the body is read. Throws a DomainError UNAUTHENTICATED: reason GATEWAY_ASSERTION_MISSING when there is none,
 * GATEWAY_ASSERTION_INVALID when it is forged, expired, malformed, lives longer than allowed, carries no binding or
 * is meant for someone else.
 */
export async function verifyGatewayAssertion(
  token: string | null | undefined,
  key: string,
  options: VerifyAssertionOptions = {},
): Promise<Caller> {
  if (!token) {
    throw unauthenticated('GATEWAY_ASSERTION_MISSING', 'Requests must come through the gateway.');
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, encode(key), {
      algorithms: ['HS256'],
      issuer: GATEWAY_ASSERTION_ISSUER,
      audience: GATEWAY_ASSERTION_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'req'],
    }));
  } catch {
    throw unauthenticated('GATEWAY_ASSERTION_INVALID', 'The gateway assertion is invalid or has expired.');
  }
  const maxLifetime = options.maxLifetimeSeconds ?? GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS;
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxLifetime) {
    throw unauthenticated('GATEWAY_ASSERTION_INVALID', `The gateway assertion lives longer than ${maxLifetime} s.`);
  }
  if (payload.anon === true) return null;
  try {
    return identityFromClaims(payload);
  } catch {
    throw unauthenticated('GATEWAY_ASSERTION_INVALID', 'The gateway assertion names no valid caller.');
  }
}

/**
 * True when an assertion (already verified by {@link verifyGatewayAssertion}) was signed for this very request body.
 * Subgraphs refuse the request otherwise (reason GATEWAY_ASSERTION_UNBOUND).
 */
export function assertionBindsRequest(token: string, body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, variables } = body as { query?: unknown; variables?: unknown };
  if (typeof query !== 'string') return false;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return false;
  const binding = decodeJwt(token).req;
  return typeof binding === 'string' && binding === gatewayRequestBinding({ query, variables: (variables ?? null) as AssertedRequest['variables'] });
}
