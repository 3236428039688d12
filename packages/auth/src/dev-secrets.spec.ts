import { DEV_GATEWAY_SIGNING_KEY, DEV_JWT_HS256_SECRET, isKnownDevSecret } from './dev-secrets';

describe('isKnownDevSecret', () => {
  it('recognises every secret published in the repository, and nothing else', () => {
    expect(isKnownDevSecret(DEV_JWT_HS256_SECRET)).toBe(true);
    expect(isKnownDevSecret(DEV_GATEWAY_SIGNING_KEY)).toBe(true);
    expect(isKnownDevSecret('a-real-secret-from-the-vault-0123456789')).toBe(false);
    expect(isKnownDevSecret(undefined)).toBe(false);
  });
});
