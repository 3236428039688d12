import pino from 'pino';
import { periodicTask } from './periodic-task';

const silent = pino({ level: 'silent' });

describe('periodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start, then every interval, and stops on shutdown', async () => {
    const run = jest.fn(async () => 1);
    const task = periodicTask({ name: 'test task', intervalMs: 1000, run, logger: silent });
    await task.start.run();
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(4);
    await task.stop.run();
    await jest.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('never overlaps a run still going, and keeps running after a failure', async () => {
    let release: () => void = () => undefined;
    const run = jest
      .fn<Promise<number>, []>()
      .mockImplementationOnce(() => new Promise<number>((resolve) => (release = () => resolve(1))))
      .mockRejectedValueOnce(new Error('database down'))
      .mockResolvedValue(2);
    const task = periodicTask({ name: 'test task', intervalMs: 1000, run, logger: silent });
    await task.start.run();
    await jest.advanceTimersByTimeAsync(2500);
    expect(run).toHaveBeenCalledTimes(1);
    await expect(task.runNow()).resolves.toBeNull();
    release();
    await jest.advanceTimersByTimeAsync(0);
    await expect(task.runNow()).resolves.toBeNull();
    expect(run).toHaveBeenCalledTimes(2);
    await expect(task.runNow()).resolves.toBe(2);
    await task.stop.run();
  });

  it('does nothing when the interval is 0', async () => {
    const run = jest.fn(async () => 1);
    const task = periodicTask({ name: 'off', intervalMs: 0, run, logger: silent });
    await task.start.run();
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
