import { backoffDelay, sleepWithTicks } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = { initialBackoffMs: 100, maxBackoffMs: 1000 };
    expect([1, 2, 3, 4, 5, 6, 60].map((attempt) => backoffDelay(attempt, policy))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
});

describe('sleepWithTicks', () => {
  it('ticks between slices of the wait', async () => {
    const tick = jest.fn(async () => undefined);
    await sleepWithTicks(35, 10, tick);
    expect(tick).toHaveBeenCalledTimes(3);
  });
});
