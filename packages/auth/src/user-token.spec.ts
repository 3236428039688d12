import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { DomainError } from './domain-error';
import { DEV_JWT_AUDIENCE, DEV_JWT_HS256_SECRET, DEV_JWT_ISSUER } from './dev-secrets';
import { mintDevToken } from './dev-token';
import { createUserTokenVerifier, VERIFIED_TOKEN_CACHE_ENTRIES, VERIFIED_TOKEN_CACHE_SECONDS, VerifiedTokenCache, verifyUserToken } from './user-token';

const UNIT = '6f1c2a50-0000-4000-8000-000000000001';
const DEV_CLAIMS = { issuer: DEV_JWT_ISSUER, audience: DEV_JWT_AUDIENCE };
const hsVerifier = createUserTokenVerifier({ hs256Secret: DEV_JWT_HS256_SECRET, ...DEV_CLAIMS });
/** A token signed with the dev secret, with the dev issuer and audience unless the test changes them. */
const signed = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(DEV_JWT_ISSUER).setAudience(DEV_JWT_AUDIENCE);

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('verifyUserToken with HS256', () => {
  it('returns the identity a dev token states', async () => {
    const token = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN', 'APPRAISER'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET });
    await expect(verifyUserToken(token, hsVerifier)).resolves.toEqual({
      subject: 'an',
      roles: ['ORG_ADMIN', 'APPRAISER'],
      jurisdictionUnitId: UNIT,
    });
  });

  it('rejects a token signed with another secret as TOKEN_INVALID', async () => {
    const token = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: 'someone-elses-secret-value' });
    const error = await rejection(verifyUserToken(token, hsVerifier));
    expect([error.category, error.reason]).toEqual(['UNAUTHENTICATED', 'TOKEN_INVALID']);
  });

  it('rejects garbage as TOKEN_INVALID', async () => {
    const error = await rejection(verifyUserToken('not.a.jwt', hsVerifier));
    expect(error.reason).toBe('TOKEN_INVALID');
  });

  it('rejects an expired token as TOKEN_EXPIRED', async () => {
    const token = await signed({ roles: ['ORG_ADMIN'], unit: UNIT })
      .setSubject('an')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(DEV_JWT_HS256_SECRET));
    const error = await rejection(verifyUserToken(token, hsVerifier));
    expect([error.category, error.reason]).toEqual(['UNAUTHENTICATED', 'TOKEN_EXPIRED']);
  });

  it('rejects unknown roles and missing claims as TOKEN_CLAIMS_INVALID', async () => {
    const key = new TextEncoder().encode(DEV_JWT_HS256_SECRET);
    const badRole = await signed({ roles: ['ROOT'], unit: UNIT }).setSubject('an').setExpirationTime('1h').sign(key);
    const noUnit = await signed({ roles: ['ORG_ADMIN'] }).setSubject('an').setExpirationTime('1h').sign(key);
    const noSub = await signed({ roles: ['ORG_ADMIN'], unit: UNIT }).setExpirationTime('1h').sign(key);
    const noRole = await signed({ roles: [], unit: UNIT }).setSubject('an').setExpirationTime('1h').sign(key);
    for (const token of [badRole, noUnit, noSub, noRole]) {
      expect((await rejection(verifyUserToken(token, hsVerifier))).reason).toBe('TOKEN_CLAIMS_INVALID');
    }
  });

  it('refuses a token without exp, without iss or aud, and one for another audience or from another issuer', async () => {
    const key = new TextEncoder().encode(DEV_JWT_HS256_SECRET);
    const noExp = await signed({ roles: ['ORG_ADMIN'], unit: UNIT }).setSubject('an').sign(key);
    const noAud = await new SignJWT({ roles: ['ORG_ADMIN'], unit: UNIT })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEV_JWT_ISSUER)
      .setSubject('an')
      .setExpirationTime('1h')
      .sign(key);
    const foreignAudience = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, audience: 'another-app' });
    const foreignIssuer = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, issuer: 'https://elsewhere' });
    for (const token of [noExp, noAud, foreignAudience, foreignIssuer]) {
      const error = await rejection(verifyUserToken(token, hsVerifier));
      expect([error.category, error.reason]).toEqual(['UNAUTHENTICATED', 'TOKEN_CLAIM_MISMATCH']);
    }
  });

  it('checks the configured issuer and audience', async () => {
    const verifier = createUserTokenVerifier({ hs256Secret: DEV_JWT_HS256_SECRET, issuer: 'idp', audience: 'antt' });
    const right = await mintDevToken({ subject: 'an', roles: ['CITIZEN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, issuer: 'idp', audience: 'antt' });
    const wrong = await mintDevToken({ subject: 'an', roles: ['CITIZEN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET, issuer: 'other', audience: 'antt' });
    await expect(verifyUserToken(right, verifier)).resolves.toMatchObject({ subject: 'an' });
    expect((await rejection(verifyUserToken(wrong, verifier))).reason).toBe('TOKEN_CLAIM_MISMATCH');
  });

  it('refuses to build a verifier with no key', () => {
    expect(() => createUserTokenVerifier({ ...DEV_CLAIMS })).toThrow('needs either an HS256 secret or a JWKS URL');
  });
});

describe('verifyUserToken with RS256 from a JWKS endpoint', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('accepts a token signed by a published key', async () => {
    const token = await new SignJWT({ roles: ['LEVEL_OFFICER'], unit: UNIT })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(DEV_JWT_ISSUER)
      .setAudience(DEV_JWT_AUDIENCE)
      .setSubject('binh')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifyUserToken(token, createUserTokenVerifier({ jwksUrl, ...DEV_CLAIMS }))).resolves.toEqual({
      subject: 'binh',
      roles: ['LEVEL_OFFICER'],
      jurisdictionUnitId: UNIT,
    });
  });

  it('rejects an HS256 token, even one signed with the dev secret', async () => {
    const token = await mintDevToken({ subject: 'an', roles: ['SYSTEM_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET });
    const verifier = createUserTokenVerifier({ jwksUrl, hs256Secret: DEV_JWT_HS256_SECRET, ...DEV_CLAIMS });
    expect((await rejection(verifyUserToken(token, verifier))).reason).toBe('TOKEN_INVALID');
  });
});

describe('the verified-token cache', () => {
  const identity = { subject: 'an', roles: ['ORG_ADMIN' as const], jurisdictionUnitId: UNIT };

  it('answers an accepted token again without verifying it, and never keeps a refused one', async () => {
    const verifier = createUserTokenVerifier({ hs256Secret: DEV_JWT_HS256_SECRET, ...DEV_CLAIMS });
    const token = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET });
    await verifyUserToken(token, verifier);
    expect(verifier.cache?.size).toBe(1);
    // The same text again: answered from the cache (a verifier whose key would refuse everything still accepts it).
    const sameCache = { ...verifier, key: new TextEncoder().encode('a-key-that-verifies-nothing-at-all') };
    await expect(verifyUserToken(token, sameCache)).resolves.toEqual(identity);
    const forged = await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: 'someone-elses-secret-value' });
    await expect(verifyUserToken(forged, verifier)).rejects.toBeInstanceOf(DomainError);
    expect(verifier.cache?.size).toBe(1);
  });

  it('forgets a token at its expiry, before its nbf, and after the cache lifetime, and hands out copies', () => {
    let now = 1_000;
    const cache = new VerifiedTokenCache(() => now);
    cache.set('t', identity, { exp: 1_100, nbf: 1_000 });
    const first = cache.get('t');
    first?.roles.push('SYSTEM_ADMIN');
    expect(cache.get('t')).toEqual(identity);
    now = 1_100;
    expect(cache.get('t')).toBeUndefined();
    now = 1_000;
    cache.set('later', identity, { exp: 5_000, nbf: 1_010 });
    expect(cache.get('later')).toBeUndefined();
    cache.set('long', identity, { exp: 100_000 });
    now = 1_000 + VERIFIED_TOKEN_CACHE_SECONDS;
    expect(cache.get('long')).toBeUndefined();
    cache.set('no-exp', identity, {});
    expect(cache.get('no-exp')).toBeUndefined();
  });

  it('holds at most its bound, dropping the oldest', () => {
    const cache = new VerifiedTokenCache(() => 0);
    for (let i = 0; i <= VERIFIED_TOKEN_CACHE_ENTRIES; i += 1) cache.set(`t${i}`, identity, { exp: 10 });
    expect(cache.size).toBe(VERIFIED_TOKEN_CACHE_ENTRIES);
    expect(cache.get('t0')).toBeUndefined();
    expect(cache.get(`t${VERIFIED_TOKEN_CACHE_ENTRIES}`)).toEqual(identity);
  });

  it('can be turned off', async () => {
    const verifier = createUserTokenVerifier({ hs256Secret: DEV_JWT_HS256_SECRET, ...DEV_CLAIMS, cache: false });
    await verifyUserToken(await mintDevToken({ subject: 'an', roles: ['ORG_ADMIN'], unitId: UNIT, secret: DEV_JWT_HS256_SECRET }), verifier);
    expect(verifier.cache).toBeUndefined();
  });
});
