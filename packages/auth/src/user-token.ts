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
  /** Keep accepted tokens in a {@link VerifiedTokenCache} (default true). */
  cache?: boolean;
}

/** A ready-to-use verifier built once from configuration by {@link createUserTokenVerifier}. */
export interface UserTokenVerifier {
  readonly key: Uint8Array | JWTVerifyGetKey;
  readonly algorithms: readonly string[];
  readonly issuer: string;
  readonly audience: string;
  /** Tokens this verifier has already accepted (see {@link VerifiedTokenCache}); none: every token is verified. */
  readonly cache?: VerifiedTokenCache;
}

/** How long, at most, an accepted token is answered from the cache before it is verified again (a JWKS key rotation). */
export const VERIFIED_TOKEN_CACHE_SECONDS = 300;
/** How many accepted tokens the cache holds; past it, the oldest entry goes. */
export const VERIFIED_TOKEN_CACHE_ENTRIES = 10_000;

/**
 * Accepted tokens, by their exact text, with what they stated: a client sends the same token with every request, and its
 * signature check (jose, through WebCrypto) was a tenth of the gateway's CPU under load. An entry is used only while the
 * token is still within its `nbf`/`exp` and for at most {@link VERIFIED_TOKEN_CACHE_SECONDS}; a refused token is never
 * kept. Bounded: past {@link VERIFIED_TOKEN_CACHE_ENTRIES} entries, the oldest goes.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { identity: Identity; notBefore: number; expires: number; until: number }>();

  constructor(private readonly now: () => number = () => Date.now() / 1000) {}

  get(token: string): Identity | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.expires || now >= entry.until || now < entry.notBefore) {
      this.entries.delete(token);
      return undefined;
    }
    return { ...entry.identity, roles: [...entry.identity.roles] };
  }

  set(token: string, identity: Identity, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    if (this.entries.size >= VERIFIED_TOKEN_CACHE_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const now = this.now();
    this.entries.set(token, { identity, notBefore: payload.nbf ?? -Infinity, expires: payload.exp, until: now + VERIFIED_TOKEN_CACHE_SECONDS });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Builds the verifier from configuration; throws when neither a secret nor a JWKS URL is configured. */
export function createUserTokenVerifier(config: UserTokenVerifierConfig): UserTokenVerifier {
  const claims = { issuer: config.issuer, audience: config.audience };
  const cache = config.cache === false ? undefined : new VerifiedTokenCache();
  if (config.jwksUrl) {
    return { key: createRemoteJWKSet(new URL(config.jwksUrl)), algorithms: ['RS256'], ...claims, cache };
  }
  if (config.hs256Secret) {
    return { key: new TextEncoder().encode(config.hs256Secret), algorithms: ['HS256'], ...claims, cache };
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
  const cached = verifier.cache?.get(token);
  if (cached) return cached;
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
  const identity = identityFromClaims(payload);
  verifier.cache?.set(token, identity, payload);
  return identity;
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
