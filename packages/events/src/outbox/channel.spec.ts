import { outboxChannel, relayLockKey } from './channel';

describe('outbox channel and lock key', () => {
  it('derive stable identifiers from the service name', () => {
    expect(outboxChannel('org-units')).toBe('antt_outbox_org_units');
    expect(relayLockKey('org-units')).toBe(relayLockKey('org-units'));
    expect(relayLockKey('org-units')).not.toBe(relayLockKey('campaigns'));
    const key = BigInt(relayLockKey('campaigns'));
    expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
  });
});
