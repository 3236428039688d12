import { SignJWT, jwtVerify } from 'jose';
import { unauthenticated } from './domain-error';
import { type Caller } from './identity';
import { identityFromClaims } from './user-token';

/** Header that carries the gateway's signed statement of who the caller is. */
export const GATEWAY_ASSERTION_HEADER = 'x-antt-gateway-assertion';
/** `iss` of every gateway assertion. */
export const GATEWAY_ASSERTION_ISSUER = 'antt-gateway';
/** `aud` of every gateway assertion. */
export const GATEWAY_ASSERTION_AUDIENCE = 'antt-subgraph';
/** Lifetime of an assertion in seconds: long enough for one federated request, short enough to be useless if leaked. */
export const GATEWAY_ASSERTION_TTL_SECONDS = 60;

const encode = (key: string) => new TextEncoder().encode(key);

/**
 * Signs the caller for the subgraphs (HS256 with the shared gateway key). A `null` caller becomes `anon: true`:
 * the request did come through the gateway, without an end-user token.
 */
export async function signGatewayAssertion(caller: Caller, key: string): Promise<string> {
  const claims = caller ? { roles: caller.roles, unit: caller.jurisdictionUnitId } : { anon: true };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(GATEWAY_ASSERTION_ISSUER)
    .setAudience(GATEWAY_ASSERTION_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${GATEWAY_ASSERTION_TTL_SECONDS}s`);
  if (caller) jwt.setSubject(caller.subject);
  return jwt.sign(encode(key));
}

/**
 * Verifies a gateway assertion and returns the caller it states (`null` for an anonymous caller).
 * Throws a DomainError UNAUTHENTICATED: reason GATEWAY_ASSERTION_MISSING when there is none,
 * GATEWAY_ASSERTION_INVALID when it is forged, expired, malformed or meant for someone else.
 */
export async function verifyGatewayAssertion(token: string | null | undefined, key: string): Promise<Caller> {
  if (!token) {
    throw unauthenticated('GATEWAY_ASSERTION_MISSING', 'Requests must come through the gateway.');
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, encode(key), {
      algorithms: ['HS256'],
      issuer: GATEWAY_ASSERTION_ISSUER,
      audience: GATEWAY_ASSERTION_AUDIENCE,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch {
    throw unauthenticated('GATEWAY_ASSERTION_INVALID', 'The gateway assertion is invalid or has expired.');
  }
  if (payload.anon === true) return null;
  try {
    return identityFromClaims(payload);
  } catch {
    throw unauthenticated('GATEWAY_ASSERTION_INVALID', 'The gateway assertion names no valid caller.');
  }
}
