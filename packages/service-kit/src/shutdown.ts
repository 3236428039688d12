import { type Logger } from './logger';

/** A step of graceful shutdown, run after in-flight requests drained (e.g. stop the relay, stop consumers, close pools). */
export interface ShutdownHook {
  name: string;
  run: () => Promise<unknown> | unknown;
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
