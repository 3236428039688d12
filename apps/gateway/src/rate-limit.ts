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
  let anonymous: Consumer;
  let authenticated: Consumer;
  let apiKey: Consumer;
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
    anonymous = coalescing(shared('anon', limits.anonymous), limits.anonymous.points);
    authenticated = coalescing(shared('user', limits.authenticated), limits.authenticated.points);
    apiKey = coalescing(shared('key', limits.apiKey), limits.apiKey.points);
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

/** What `admit` needs of a limiter: spend one point of a key's budget, or reject with the `RateLimiterRes` saying when to retry. */
export interface Consumer {
  consume(key: string): Promise<RateLimiterRes>;
}

/**
 * One shared-store call for the concurrent requests of one key: while a key's call to Redis is in flight, the requests of
 * that key that arrive wait for it and then go together in one `consume(key, n)`; request i of such a batch is admitted
 * when the count before the batch plus i stays within the budget, exactly as n calls one after the other would be (the
 * same answers, in arrival order), so a caller alone at a time sees no difference. Under load a busy caller costs one Redis
 * round trip per batch instead of one per request (issue 10: the limits' share of the gateway's CPU).
 */
export function coalescing(limiter: Pick<RateLimiterAbstract, 'consume'>, budget: number): Consumer {
  interface Waiter {
    resolve: (result: RateLimiterRes) => void;
    reject: (reason: unknown) => void;
  }
  /** Keys with a call in flight, and the requests waiting for the next one. */
  const queued = new Map<string, Waiter[]>();
  const run = async (key: string, batch: Waiter[]): Promise<void> => {
    let result: RateLimiterRes;
    try {
      result = await limiter.consume(key, batch.length);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        for (const waiter of batch) waiter.reject(error);
        return next(key);
      }
      result = error;
    }
    const before = result.consumedPoints - batch.length;
    batch.forEach((waiter, index) => (before + index + 1 <= budget ? waiter.resolve(result) : waiter.reject(result)));
    return next(key);
  };
  const next = (key: string): void => {
    const waiting = queued.get(key) ?? [];
    if (waiting.length === 0) {
      queued.delete(key);
      return;
    }
    queued.set(key, []);
    void run(key, waiting);
  };
  return {
    consume(key) {
      return new Promise<RateLimiterRes>((resolve, reject) => {
        const waiting = queued.get(key);
        if (waiting) {
          waiting.push({ resolve, reject });
          return;
        }
        queued.set(key, []);
        void run(key, [{ resolve, reject }]);
      });
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
