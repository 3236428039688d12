import { SignJWT } from 'jose';
import { type Role } from './identity';

/**
 * The HS256 secret end-user tokens are signed with outside production. The gateway's config defaults to it and the
 * `npm run token` tool signs with it, so that a dev token works against a dev gateway with no setup.
 */
export const DEV_JWT_HS256_SECRET = 'antt-dev-jwt-secret-not-for-production-use';

/** What a development token states. */
export interface DevTokenOptions {
  subject: string;
  roles: readonly Role[];
  unitId: string;
  secret: string;
  /** A jose duration (`'8h'`, `'30m'`) or seconds. Default `'8h'`. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

/** Mints an HS256 end-user token with the claims the gateway expects (`sub`, `roles`, `unit`). */
export async function mintDevToken(options: DevTokenOptions): Promise<string> {
  const expiresIn = options.expiresIn ?? '8h';
  const jwt = new SignJWT({ roles: [...options.roles], unit: options.unitId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
