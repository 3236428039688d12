import { DEV_GATEWAY_SIGNING_KEY, GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS, isKnownDevSecret } from '@antt/auth';
import { z } from 'zod';
import { tracingConfigShape, type TracingConfig } from './tracing';

/**
 * The key subgraphs and the gateway share outside production (defined in `@antt/auth` beside the other published dev
 * secrets). Production refuses to start without an explicit GATEWAY_SIGNING_KEY, or with this one.
 */
export { DEV_GATEWAY_SIGNING_KEY };

/** A TCP port (0 = any free port); give `defaultPort` for the service's conventional port. */
export function portSchema(defaultPort?: number) {
  const port = z.coerce.number().int().min(0).max(65535);
  return defaultPort === undefined ? port : port.default(defaultPort);
}

/** A comma-separated list (e.g. `KAFKA_BROKERS=a:9092,b:9092`), trimmed, empty items dropped, at least one item. */
export function commaListSchema() {
  return z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1));
}

/** Variables every service reads. A service's own shape may override any of them (e.g. `PORT: portSchema(4001)`). */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: z.stringbool().default(false),
  METRICS_ENABLED: z.stringbool().default(true),
  GATEWAY_SIGNING_KEY: z.string().min(32).optional(),
  GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(1).max(300).default(GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS),
  ...tracingConfigShape,
};

/** The configuration every service has, whatever its own shape adds. */
export interface BaseConfig extends TracingConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  HOST: string;
  PORT: number;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  LOG_PRETTY: boolean;
  /** Prometheus metrics recorded and served at `GET /metrics` (default true). */
  METRICS_ENABLED: boolean;
  GATEWAY_SIGNING_KEY: string;
  /** Largest lifetime (`exp - iat`, seconds) of a gateway assertion a subgraph accepts. */
  GATEWAY_ASSERTION_MAX_LIFETIME_SECONDS: number;
}

/** One bad variable. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown by {@link loadConfig}; the message lists every bad variable, one per line. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Extra cross-variable rules, run on the parsed values; return the issues found. */
export type ConfigCheck<T> = (config: T) => ConfigIssue[];

type Merged<T extends z.ZodRawShape> = Omit<BaseConfig, keyof T> & z.infer<z.ZodObject<T>>;

/**
 * Validates the environment once against the base shape merged with the service's `shape` and returns typed values.
 * Empty strings count as unset. GATEWAY_SIGNING_KEY falls back to {@link DEV_GATEWAY_SIGNING_KEY} outside production
 * and is required in production. In production any variable set to a secret published in the repository
 * (`KNOWN_DEV_SECRETS` of `@antt/auth`) is refused, whatever its name. Throws a {@link ConfigError} listing every bad variable.
 * This module is the only place that reads `process.env`.
 */
export function loadConfig<T extends z.ZodRawShape>(
  shape: T,
  env: Record<string, string | undefined> = process.env,
  check?: ConfigCheck<Merged<T>>,
): Merged<T> {
  const schema = z.object({ ...baseConfigShape, ...shape });
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(input);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        variable: issue.path.map(String).join('.') || '(environment)',
        message: input[String(issue.path[0])] === undefined && issue.code === 'invalid_type' ? 'required' : issue.message,
      }));
  const nodeEnv = parsed.success ? (parsed.data as { NODE_ENV?: string }).NODE_ENV : input.NODE_ENV;
  if (nodeEnv === 'production' && input.GATEWAY_SIGNING_KEY === undefined) {
    issues.push({ variable: 'GATEWAY_SIGNING_KEY', message: 'required in production' });
  }
  if (nodeEnv === 'production') {
    for (const [variable, value] of Object.entries(input)) {
      if (isKnownDevSecret(value)) issues.push({ variable, message: 'is a development secret published in the repository; refused in production' });
    }
  }
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const config = {
    ...parsed.data,
    GATEWAY_SIGNING_KEY: (parsed.data as { GATEWAY_SIGNING_KEY?: string }).GATEWAY_SIGNING_KEY ?? DEV_GATEWAY_SIGNING_KEY,
  } as Merged<T>;
  const extra = check?.(config) ?? [];
  if (extra.length > 0) throw new ConfigError(extra);
  return config;
}
