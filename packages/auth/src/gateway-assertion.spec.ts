import { SignJWT } from 'jose';
import { DomainError } from './domain-error';
import { GATEWAY_ASSERTION_AUDIENCE, assertionBindsRequest, gatewayRequestBinding, signGatewayAssertion, verifyGatewayAssertion } from './gateway-assertion';
import { type Identity } from './identity';

const KEY = 'gateway-signing-key-for-tests-0123456789';
const caller: Identity = { subject: 'chi', roles: ['UNIT_OFFICER'], jurisdictionUnitId: 'unit-1' };
const REQUEST = { query: 'query($id: ID!) { unit(id: $id) { name } }', variables: { id: 'u-1' } };
const BINDING = gatewayRequestBinding(REQUEST);
const sign = (who: Identity | null, key = KEY) => signGatewayAssertion(who, key, { request: REQUEST });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).category).toBe('UNAUTHENTICATED');
  return (error as DomainError).reason;
}

describe('gateway assertion', () => {
  it('round-trips a caller', async () => {
    await expect(verifyGatewayAssertion(await sign(caller), KEY)).resolves.toEqual(caller);
  });

  it('round-trips an anonymous caller as null', async () => {
    await expect(verifyGatewayAssertion(await sign(null), KEY)).resolves.toBeNull();
  });

  it('lives 15 seconds, is addressed from the gateway to the subgraphs and bound to one request', async () => {
    const token = await sign(caller);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'antt-gateway', aud: 'antt-subgraph', sub: 'chi', roles: ['UNIT_OFFICER'], unit: 'unit-1' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(15);
    expect(claims.req).toBe(BINDING);
  });

  it('binds the request: the same query and variables pass, any other body does not', async () => {
    const token = await sign(caller);
    expect(assertionBindsRequest(token, JSON.parse(JSON.stringify({ ...REQUEST, operationName: null })))).toBe(true);
    expect(assertionBindsRequest(token, { ...REQUEST, variables: { id: 'u-2' } })).toBe(false);
    expect(assertionBindsRequest(token, { query: '{ units { id } }', variables: REQUEST.variables })).toBe(false);
    expect(assertionBindsRequest(token, [REQUEST])).toBe(false);
    expect(assertionBindsRequest(token, undefined)).toBe(false);
  });

  it('refuses an assertion that lives longer than the configured maximum, or carries no binding', async () => {
    const long = await signGatewayAssertion(caller, KEY, { request: REQUEST, ttlSeconds: 3600 });
    expect(await reasonOf(verifyGatewayAssertion(long, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
    await expect(verifyGatewayAssertion(long, KEY, { maxLifetimeSeconds: 3600 })).resolves.toEqual(caller);
    const unbound = await new SignJWT({ anon: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience(GATEWAY_ASSERTION_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10s')
      .sign(new TextEncoder().encode(KEY));
    expect(await reasonOf(verifyGatewayAssertion(unbound, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });

  it('refuses a missing assertion', async () => {
    expect(await reasonOf(verifyGatewayAssertion(undefined, KEY))).toBe('GATEWAY_ASSERTION_MISSING');
    expect(await reasonOf(verifyGatewayAssertion('', KEY))).toBe('GATEWAY_ASSERTION_MISSING');
  });

  it('refuses an assertion signed with another key', async () => {
    const forged = await sign(caller, 'not-the-gateway-key-but-long-enough');
    expect(await reasonOf(verifyGatewayAssertion(forged, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });

  it('refuses an expired assertion and one for another audience', async () => {
    const key = new TextEncoder().encode(KEY);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ anon: true, req: BINDING })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience(GATEWAY_ASSERTION_AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(key);
    const otherAudience = await new SignJWT({ anon: true, req: BINDING })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience('someone-else')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    expect(await reasonOf(verifyGatewayAssertion(expired, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
    expect(await reasonOf(verifyGatewayAssertion(otherAudience, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });

  it('refuses a signed assertion that names neither a caller nor anon', async () => {
    const token = await new SignJWT({ roles: ['UNIT_OFFICER'], req: BINDING })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience(GATEWAY_ASSERTION_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(KEY));
    expect(await reasonOf(verifyGatewayAssertion(token, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });
});
