import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import { type BaseConfig } from './config';
import { activeTraceIds } from './tracing';

export type { Logger } from 'pino';

/** Header that carries the request id from the edge through every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A pino JSON logger for a service; human-readable only when LOG_PRETTY is set (development). A line written while a
 * span is active carries its `trace_id` and `span_id`. `destination` (default stdout) is a seam for tests.
 */
export function createLogger(config: Pick<BaseConfig, 'LOG_LEVEL' | 'LOG_PRETTY'>, name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level: config.LOG_LEVEL,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: activeTraceIds,
    ...(config.LOG_PRETTY && !destination ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The incoming request id when it looks sane (≤ 128 printable characters), else a new uuid. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const value = headers[REQUEST_ID_HEADER];
  const id = Array.isArray(value) ? value[0] : value;
  return id && /^[\x21-\x7e]{1,128}$/.test(id) ? id : randomUUID();
}

/** A child logger that stamps every line with the request id. */
export function requestLogger(logger: Logger, requestId: string): Logger {
  return logger.child({ requestId });
}
