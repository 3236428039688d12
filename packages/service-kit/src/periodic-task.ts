import { type Logger } from './logger';
import { type ShutdownHook, type StartStep } from './shutdown';

/** What {@link periodicTask} runs. */
export interface PeriodicTaskOptions<T> {
  /** Names the start step and the shutdown hook, and the log lines. */
  name: string;
  /** Milliseconds between runs; 0 or less turns the task off (the start step does nothing). */
  intervalMs: number;
  /** One run. A rejection is logged and the next run retries: the task must be safe to run again. */
  run: () => Promise<T>;
  logger: Logger;
  /** Log message of a successful run, logged with the run's result (default `<name> ran`). */
  message?: string;
}

/** A task run on a timer on every replica: a start step (first run at once, then every interval) and a shutdown hook. */
export interface PeriodicTask<T> {
  start: StartStep;
  stop: ShutdownHook;
  /** One run now, unless one is already running (then resolves to null). Never rejects: failures are logged. */
  runNow: () => Promise<T | null>;
}

/**
 * A scheduler's timer, wired into the kit's start and shutdown steps: the first run right after start, then one every
 * `intervalMs`; a run never overlaps the previous one (a slow run makes the timer skip), and the timer does not keep the
 * process alive. Several replicas each run it: the task itself must make concurrent runs agree (e.g. a unique row per
 * thing sent, written with its outbox event).
 */
export function periodicTask<T>(options: PeriodicTaskOptions<T>): PeriodicTask<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T | null> | null = null;
  const runNow = (): Promise<T | null> => {
    if (running) return Promise.resolve(null);
    running = options
      .run()
      .then(
        (result) => {
          options.logger.info({ result }, options.message ?? `${options.name} ran`);
          return result;
        },
        (error: unknown) => {
          options.logger.error({ err: error }, `${options.name} failed; the next run retries`);
          return null;
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    runNow,
    start: {
      name: options.name,
      run: () => {
        if (options.intervalMs <= 0 || timer) return;
        timer = setInterval(() => void runNow(), options.intervalMs);
        timer.unref();
        void runNow();
      },
    },
    stop: {
      name: options.name,
      run: async () => {
        if (timer) clearInterval(timer);
        timer = null;
        await running;
      },
    },
  };
}
