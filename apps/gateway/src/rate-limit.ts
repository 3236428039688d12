import { type IncomingMessage } from 'node:http';
import { type Caller } from '@antt/auth';
import { HttpRefusal, type Logger } from '@antt/service-kit';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { isApiKeyCaller } from './api-keys/api-key-access';
import { GATEWAY_ERROR_CODES } from './errors';
import { type GatewayLimits } from './limits';

/** What {@link createRateLimiter} needs. */
export interface RateLimiterOptions {
  limits: GatewayLimits['rateLimits'];
  /** Shared counters across gateway replicas when set; counters in this process otherwise. */
  redisUrl?: string;
  /** Prefix of every Redis key (tests use their own). */
  keyPrefix: string;
  /** Proxies in front of the gateway whose `X-Forwarded-For` entry is trusted for the anonymous address (0 = none). */
  trustProxyHops: number;
  logger: Logger;
}

/** The gateway's rate limiter: `admit` refuses a caller over its budget, `check` is the readiness probe of Redis. */
export interface GatewayRateLimiter {
  /** Where counters live: `redis` (shared by replicas) or `memory` (this process only). */
  store: 'redis' | 'memory';
  /** Spends one request of the caller's budget or throws HTTP 429 RATE_LIMITED with `Retry-After` (seconds). */
  admit(req: IncomingMessage, caller: Caller): Promise<void>;
  /** Resolves when the store answers (Redis PING); always for memory. */
  check(): Promise<void>;
  /**
   * Waits (at most `timeoutMs`) for Redis to be connected, so that the first requests are counted in the shared store;
   * when it does not answer in time the in-process insurance limiter stands in, and the log says so.
   */
  connect(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Per-caller rate limits (`rate-limiter-flexible`): an authenticated caller is counted by its subject, an external
 * agency's API key by its key (subject `apikey:<id>`, budget `rateLimits.apiKey`), an anonymous caller by its address. With REDIS_URL the counters live in Redis (`ioredis`), shared by every replica, and an in-process
 * limiter stands in while Redis does not answer (insurance); without it they live in this process, which the gateway
 * says in its log at start.
 */
export function createRateLimiter(options: RateLimiterOptions): GatewayRateLimiter {
  const { limits, keyPrefix } = options;
  const memory = (name: string, limit: { points: number; durationSeconds: number }) =>
    new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${name}`, points: limit.points, duration: limit.durationSeconds });
  let redis: Redis | undefined;
  let anonymous: RateLimiterAbstract;
  let authenticated: RateLimiterAbstract;
  let apiKey: RateLimiterAbstract;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false });
    // Once per outage, not once per reconnection attempt.
    let down = false;
    redis.on('error', (error: Error) => {
      if (down) return;
      down = true;
      options.logger.warn({ err: error.message }, 'rate limit store (Redis) does not answer; in-process limits stand in');
    });
    redis.on('ready', () => {
      if (down) options.logger.info('rate limit store (Redis) answers again');
      down = false;
    });
    const client = redis;
    const shared = (name: string, limit: { points: number; durationSeconds: number }) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${keyPrefix}:${name}`,
        points: limit.points,
        duration: limit.durationSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory(`${name}:insurance`, limit),
      });
    anonymous = shared('anon', limits.anonymous);
    authenticated = shared('user', limits.authenticated);
    apiKey = shared('key', limits.apiKey);
    options.logger.info({ store: 'redis', keyPrefix }, 'rate limits shared in Redis');
  } else {
    anonymous = memory('anon', limits.anonymous);
    authenticated = memory('user', limits.authenticated);
    apiKey = memory('key', limits.apiKey);
    options.logger.warn(
      { store: 'memory' },
      'rate limits counted in this process only (REDIS_URL unset): each gateway replica allows the full budget',
    );
  }
  return {
    store: redis ? 'redis' : 'memory',
    async admit(req, caller) {
      const [limiter, key] = !caller
        ? [anonymous, `ip:${clientAddress(req, options.trustProxyHops)}`]
        : isApiKeyCaller(caller)
          ? [apiKey, `sub:${caller.subject}`]
          : [authenticated, `sub:${caller.subject}`];
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new HttpRefusal(
          429,
          GATEWAY_ERROR_CODES.RATE_LIMITED,
          `Too many requests: try again in ${retryAfter} s.`,
          { 'retry-after': String(retryAfter) },
          { retryAfterSeconds: retryAfter },
        );
      }
    },
    async check() {
      if (redis) await redis.ping();
    },
    async connect(timeoutMs = 2_000) {
      const client = redis;
      if (!client || client.status === 'ready') return;
      let timer: NodeJS.Timeout | undefined;
      const connected = await Promise.race([
        new Promise<boolean>((resolve) => client.once('ready', () => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!connected) options.logger.warn({ timeoutMs }, 'Redis did not answer at start; in-process rate limits stand in until it does');
    },
    async close() {
      if (redis) redis.disconnect();
    },
  };
}

/** The caller's address: the socket's, or the entry `hops` from the right of `X-Forwarded-For` behind trusted proxies. */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (hops === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((entry) => entry.trim()).filter(Boolean);
  return chain[chain.length - hops] ?? socketAddress;
}
