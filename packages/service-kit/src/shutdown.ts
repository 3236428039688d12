import { type Logger } from './logger';

/** A step of graceful shutdown, run after in-flight requests drained (e.g. stop the relay, stop consumers, close pools). */
export interface ShutdownHook {
  name: string;
  run: () => Promise<unknown> | unknown;
}

/**
 * A step of a service's start that the kit runs once its signal handlers are in place, before it listens (e.g. start the
 * outbox relay, wait until a consumer joined its group): a signal during the step ends in a graceful stop.
 */
export interface StartStep {
  name: string;
  run: () => Promise<unknown> | unknown;
}

/** Runs the start steps in order; once a stop has begun the remaining ones are skipped (they would only be undone). */
export async function runStartSteps(steps: readonly StartStep[], isStopping: () => boolean, logger: Logger): Promise<void> {
  for (const step of steps) {
    if (isStopping()) {
      logger.info({ step: step.name }, 'start step skipped: stopping');
      continue;
    }
    await step.run();
  }
}

/** Runs the hooks one after the other in the given order; a failing hook is logged and does not stop the rest. */
export async function runShutdownHooks(hooks: readonly ShutdownHook[], logger: Logger): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook.run();
      logger.info({ hook: hook.name }, 'shutdown step done');
    } catch (error) {
      logger.error({ err: error, hook: hook.name }, 'shutdown step failed');
    }
  }
}

/**
 * On the first SIGTERM or SIGINT runs `stop` and exits (0, or 1 if stopping failed); a second signal exits at once.
 * Returns a function that removes the handlers (for in-process tests and for `stop()` called directly).
 */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}

/** A process's single, idempotent stop, and whether it has begun. */
export interface GracefulStop {
  stop: () => Promise<void>;
  isStopping: () => boolean;
}

/**
 * Builds the one stop every service runs: `closeServer` (stop accepting and drain), then the shutdown hooks in order.
 * Calling it twice returns the same promise; with `handleSignals` SIGTERM/SIGINT run it and exit.
 *
 * Build it before the first `await` of a start and let `startup` return that start: the signal handlers are then in place
 * for the whole start, and a stop asked for while it runs waits for it to settle before closing. Without handlers a
 * SIGTERM during start-up kills the process (exit 143) with none of the shutdown hooks run.
 */
export function gracefulStop(options: {
  closeServer: () => Promise<unknown>;
  hooks?: readonly ShutdownHook[];
  logger: Logger;
  handleSignals?: boolean;
  /** The start in progress (start steps, server start, listen); a stop waits for it, whether it succeeds or fails. */
  startup?: () => Promise<unknown>;
  /** How long a stop waits for a start still in progress before it stops anyway. Default 15 s. */
  startupWaitMs?: number;
}): GracefulStop {
  let stopping: Promise<void> | undefined;
  let removeSignalHandlers: (() => void) | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      removeSignalHandlers?.();
      await settledWithin(options.startup?.(), options.startupWaitMs ?? 15_000, options.logger);
      await options.closeServer();
      await runShutdownHooks(options.hooks ?? [], options.logger);
      options.logger.info('stopped');
    })());
  if (options.handleSignals ?? true) removeSignalHandlers = exitOnSignals(stop, options.logger);
  return { stop, isStopping: () => stopping !== undefined };
}

async function settledWithin(start: Promise<unknown> | undefined, waitMs: number, logger: Logger): Promise<void> {
  if (!start) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), waitMs);
  });
  const late = await Promise.race([start.then(() => false, () => false), timedOut]);
  clearTimeout(timer);
  if (late) logger.warn({ waitMs }, 'the start is still running: stopping anyway');
}
