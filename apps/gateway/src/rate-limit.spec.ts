import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { coalescing } from './rate-limit';

/** A store that counts its calls and answers each after a tick, as Redis would after a round trip. */
function countingStore(points: number) {
  const memory = new RateLimiterMemory({ points, duration: 60 });
  const calls: Array<{ key: string; points: number }> = [];
  return {
    calls,
    consume: async (key: string, spent = 1) => {
      calls.push({ key, points: spent });
      await new Promise((resolve) => setImmediate(resolve));
      return memory.consume(key, spent);
    },
  };
}

const outcome = (promise: Promise<RateLimiterRes>) =>
  promise.then(
    () => 'admitted',
    (error: unknown) => (error instanceof RateLimiterRes ? `refused ${Math.ceil(error.msBeforeNext / 1000)} s` : 'failed'),
  );

describe('coalescing shared rate limits', () => {
  it('answers one request at a time exactly as the store does', async () => {
    const store = countingStore(2);
    const limiter = coalescing(store, 2);
    expect([await outcome(limiter.consume('a')), await outcome(limiter.consume('a')), await outcome(limiter.consume('a'))]).toEqual(['admitted', 'admitted', 'refused 60 s']);
    expect(store.calls).toEqual([
      { key: 'a', points: 1 },
      { key: 'a', points: 1 },
      { key: 'a', points: 1 },
    ]);
  });

  it('sends the requests that arrive while a call is in flight as one call, admitting them in arrival order up to the budget', async () => {
    const store = countingStore(4);
    const limiter = coalescing(store, 4);
    const answers = await Promise.all(Array.from({ length: 10 }, () => outcome(limiter.consume('a'))));
    expect(answers).toEqual(['admitted', 'admitted', 'admitted', 'admitted', ...Array(6).fill('refused 60 s')]);
    expect(store.calls).toEqual([
      { key: 'a', points: 1 },
      { key: 'a', points: 9 },
    ]);
  });

  it('keeps keys apart and fails every waiter of a batch when the store fails', async () => {
    const store = countingStore(3);
    const limiter = coalescing(store, 3);
    const both = await Promise.all([limiter.consume('a'), limiter.consume('b'), limiter.consume('a'), limiter.consume('b')].map(outcome));
    expect(both).toEqual(['admitted', 'admitted', 'admitted', 'admitted']);
    expect(store.calls.map((call) => call.key).sort()).toEqual(['a', 'a', 'b', 'b']);

    const failing = coalescing({ consume: async () => Promise.reject(new Error('store down')) }, 3);
    expect(await Promise.all([failing.consume('a'), failing.consume('a')].map(outcome))).toEqual(['failed', 'failed']);
    // The key is free again after a failure.
    expect(await outcome(failing.consume('a'))).toBe('failed');
  });
});
