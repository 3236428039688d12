import { decodeJwt, decodeProtectedHeader } from 'jose';
import { mintDevToken } from './dev-token';

describe('mintDevToken', () => {
  it('mints an HS256 token with sub, roles, unit and the requested lifetime', async () => {
    const token = await mintDevToken({ subject: 'lan', roles: ['ORG_ADMIN'], unitId: 'u-1', secret: 's'.repeat(32), expiresIn: '2h' });
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(claims).toMatchObject({ sub: 'lan', roles: ['ORG_ADMIN'], unit: 'u-1', iss: 'antt-dev-idp', aud: 'antt-gateway' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7200);
  });

  it('defaults to eight hours and accepts seconds', async () => {
    const eightHours = decodeJwt(await mintDevToken({ subject: 'a', roles: [], unitId: 'u', secret: 'k' }));
    const tenSeconds = decodeJwt(await mintDevToken({ subject: 'a', roles: [], unitId: 'u', secret: 'k', expiresIn: 10 }));
    expect((eightHours.exp ?? 0) - (eightHours.iat ?? 0)).toBe(8 * 3600);
    expect((tenSeconds.exp ?? 0) - (tenSeconds.iat ?? 0)).toBe(10);
  });
});
