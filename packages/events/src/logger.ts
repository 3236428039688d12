/** A log method in pino's shape: `log(obj, msg?)` or `log(msg)`. */
export type LogFn = (objOrMsg: object | string, msg?: string) => void;

/** The logger the events kit writes to; a pino logger satisfies it. */
export interface EventsLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const noop: LogFn = () => undefined;

/** A logger that drops everything. */
export const silentLogger: EventsLogger = { debug: noop, info: noop, warn: noop, error: noop };
