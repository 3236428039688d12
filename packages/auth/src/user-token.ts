import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from './domain-error';
import { ROLES, type Identity, type Role } from './identity';

/** How end-user tokens are verified: an HS256 shared secret (development) or an RS256 JWKS endpoint (production). */
export interface UserTokenVerifierConfig {
  /** Shared secret for HS256 tokens; used when no `jwksUrl` is given. */
  hs256Secret?: string;
  /** JWKS endpoint of the identity provider; when set, only RS256 tokens signed by its keys are accepted. */
  jwksUrl?: string;
  /** Expected `iss` claim: a token from any other issuer, or with none, is refused. */
  issuer: string;
  /** Expected `aud` claim: a token for any other audience, or with none, is refused. */
  audience: string;
}

/** A ready-to-use verifier built once from configuration by {@link createUserTokenVerifier}. */
export interface UserTokenVerifier {
  readonly key: Uint8Array | JWTVerifyGetKey;
  readonly algorithms: readonly string[];
  readonly issuer: string;
  readonly audience: string;
}

/** Builds the verifier from configuration; throws when neither a secret nor a JWKS URL is configured. */
export function createUserTokenVerifier(config: UserTokenVerifierConfig): UserTokenVerifier {
  const claims = { issuer: config.issuer, audience: config.audience };
  if (config.jwksUrl) {
    return { key: createRemoteJWKSet(new URL(config.jwksUrl)), algorithms: ['RS256'], ...claims };
  }
  if (config.hs256Secret) {
    return { key: new TextEncoder().encode(config.hs256Secret), algorithms: ['HS256'], ...claims };
  }
  throw new Error('A user token verifier needs either an HS256 secret or a JWKS URL.');
}

/**
 * Verifies an end user's JWT and returns the caller it names. `exp`, `iss` and `aud` are required: a token that never
 * expires, or comes from another issuer or for another audience, is refused.
 * Throws a DomainError UNAUTHENTICATED with reason TOKEN_EXPIRED, TOKEN_CLAIM_MISMATCH (iss/aud/nbf, or `exp`, `iss`,
 * `aud` missing), TOKEN_CLAIMS_INVALID (missing `sub`, `unit`, no role or an unknown one) or TOKEN_INVALID (malformed,
 * forged, wrong algorithm).
 */
export async function verifyUserToken(token: string, verifier: UserTokenVerifier): Promise<Identity> {
  let payload: JWTPayload;
  try {
    const options = {
      algorithms: [...verifier.algorithms],
      issuer: verifier.issuer,
      audience: verifier.audience,
      requiredClaims: ['exp', 'iss', 'aud'],
    };
    // jose's overloads take a key or a key resolver, not the union.
    const result =
      verifier.key instanceof Uint8Array
        ? await jwtVerify(token, verifier.key, options)
        : await jwtVerify(token, verifier.key, options);
    payload = result.payload;
  } catch (error) {
    throw tokenError(error);
  }
  return identityFromClaims(payload);
}

/** Maps verified claims (`sub`, `roles`, `unit`) to an Identity, rejecting anything outside the contract. */
export function identityFromClaims(payload: JWTPayload): Identity {
  const { sub, roles, unit } = payload;
  if (typeof sub !== 'string' || sub.length === 0) {
    throw unauthenticated('TOKEN_CLAIMS_INVALID', 'The token has no subject (sub).');
  }
  if (typeof unit !== 'string' || unit.length === 0) {
    throw unauthenticated('TOKEN_CLAIMS_INVALID', 'The token names no jurisdiction unit (unit).');
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw unauthenticated('TOKEN_CLAIMS_INVALID', `The token's roles must be a non-empty list of: ${ROLES.join(', ')}.`);
  }
  return { subject: sub, roles: [...new Set(roles)], jurisdictionUnitId: unit };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function tokenError(error: unknown): Error {
  if (error instanceof errors.JWTExpired) {
    return unauthenticated('TOKEN_EXPIRED', 'The token has expired.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated('TOKEN_CLAIM_MISMATCH', `The token's "${error.claim}" claim is not accepted.`);
  }
  if (error instanceof errors.JWKSTimeout) {
    return error;
  }
  if (error instanceof errors.JOSEError) {
    return unauthenticated('TOKEN_INVALID', 'The token is malformed or its signature does not verify.');
  }
  return error instanceof Error ? error : new Error(String(error));
}
