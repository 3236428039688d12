import { newClusterId } from './cluster-id';

describe('newClusterId', () => {
  it('is 16 bytes in base64url without padding and never starts with a dash', () => {
    for (let i = 0; i < 200; i += 1) {
      const id = newClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });
});
