import { SignJWT } from 'jose';
import { DEV_JWT_AUDIENCE, DEV_JWT_ISSUER } from './dev-secrets';
import { type Role } from './identity';

/** What a development token states. */
export interface DevTokenOptions {
  subject: string;
  roles: readonly Role[];
  unitId: string;
  secret: string;
  /** A jose duration (`'8h'`, `'30m'`) or seconds. Default `'8h'`. */
  expiresIn?: string | number;
  /** Default {@link DEV_JWT_ISSUER}. */
  issuer?: string;
  /** Default {@link DEV_JWT_AUDIENCE}. */
  audience?: string;
}

/** Mints an HS256 end-user token with the claims the gateway expects (`sub`, `roles`, `unit`, `iss`, `aud`, `exp`). */
export async function mintDevToken(options: DevTokenOptions): Promise<string> {
  const expiresIn = options.expiresIn ?? '8h';
  const jwt = new SignJWT({ roles: [...options.roles], unit: options.unitId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
    .setIssuer(options.issuer ?? DEV_JWT_ISSUER)
    .setAudience(options.audience ?? DEV_JWT_AUDIENCE);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
