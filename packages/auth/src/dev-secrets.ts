/**
 * The HS256 secret end-user tokens are signed with outside production. The gateway's config defaults to it and the
 * `npm run token` tool signs with it, so that a dev token works against a dev gateway with no setup.
 */
export const DEV_JWT_HS256_SECRET = 'antt-dev-jwt-secret-not-for-production-use';

/** The key subgraphs and the gateway share outside production to sign and verify gateway assertions. */
export const DEV_GATEWAY_SIGNING_KEY = 'antt-dev-gateway-signing-key-not-for-production';

/** `iss` of development tokens, and what the gateway expects outside production when JWT_ISSUER is unset. */
export const DEV_JWT_ISSUER = 'antt-dev-idp';

/** `aud` of development tokens, and what the gateway expects outside production when JWT_AUDIENCE is unset. */
export const DEV_JWT_AUDIENCE = 'antt-gateway';

/**
 * Every secret published in this repository. Production refuses to start with any of them, whichever variable carries it
 * (a dev value copied into GATEWAY_SIGNING_KEY or JWT_HS256_SECRET is as public as a missing one).
 */
export const KNOWN_DEV_SECRETS: readonly string[] = [DEV_JWT_HS256_SECRET, DEV_GATEWAY_SIGNING_KEY];

/** True when `value` is one of the {@link KNOWN_DEV_SECRETS}. */
export function isKnownDevSecret(value: string | undefined): boolean {
  return value !== undefined && KNOWN_DEV_SECRETS.includes(value);
}
