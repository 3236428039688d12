import { SignJWT } from 'jose';
import { DomainError } from './domain-error';
import { GATEWAY_ASSERTION_AUDIENCE, signGatewayAssertion, verifyGatewayAssertion } from './gateway-assertion';
import { type Identity } from './identity';

const KEY = 'gateway-signing-key-for-tests-0123456789';
const caller: Identity = { subject: 'chi', roles: ['UNIT_OFFICER'], jurisdictionUnitId: 'unit-1' };

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
    await expect(verifyGatewayAssertion(await signGatewayAssertion(caller, KEY), KEY)).resolves.toEqual(caller);
  });

  it('round-trips an anonymous caller as null', async () => {
    await expect(verifyGatewayAssertion(await signGatewayAssertion(null, KEY), KEY)).resolves.toBeNull();
  });

  it('lives 60 seconds and is addressed from the gateway to the subgraphs', async () => {
    const token = await signGatewayAssertion(caller, KEY);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'antt-gateway', aud: 'antt-subgraph', sub: 'chi', roles: ['UNIT_OFFICER'], unit: 'unit-1' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
  });

  it('refuses a missing assertion', async () => {
    expect(await reasonOf(verifyGatewayAssertion(undefined, KEY))).toBe('GATEWAY_ASSERTION_MISSING');
    expect(await reasonOf(verifyGatewayAssertion('', KEY))).toBe('GATEWAY_ASSERTION_MISSING');
  });

  it('refuses an assertion signed with another key', async () => {
    const forged = await signGatewayAssertion(caller, 'not-the-gateway-key-but-long-enough');
    expect(await reasonOf(verifyGatewayAssertion(forged, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });

  it('refuses an expired assertion and one for another audience', async () => {
    const key = new TextEncoder().encode(KEY);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ anon: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience(GATEWAY_ASSERTION_AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(key);
    const otherAudience = await new SignJWT({ anon: true })
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
    const token = await new SignJWT({ roles: ['UNIT_OFFICER'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('antt-gateway')
      .setAudience(GATEWAY_ASSERTION_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(KEY));
    expect(await reasonOf(verifyGatewayAssertion(token, KEY))).toBe('GATEWAY_ASSERTION_INVALID');
  });
});
