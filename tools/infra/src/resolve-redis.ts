/** How Redis (the gateway's shared rate-limit counters) will be provided. */
export type RedisPlan =
  | { source: 'env'; url: string }
  | { source: 'local'; url: string }
  | { source: 'docker'; url: string }
  | { source: 'none' };

/** What the resolution may look at; injected so the order can be tested without a server. */
export interface RedisProbes {
  dockerEngineAnswers(): Promise<boolean>;
  /** True when something accepts a TCP connection on host:port. */
  tcpAnswers(host: string, port: number): Promise<boolean>;
}

/** Redis of docker-compose.yml and of a server already running on the machine. */
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Decides where Redis comes from, in this order: `REDIS_URL`; a server already on 127.0.0.1:6379; Docker Compose when a
 * Docker engine answers. None is not an error: the gateway then counts rate limits in its own process and says so.
 */
export async function resolveRedis(urlFromEnv: string | undefined, probes: RedisProbes): Promise<RedisPlan> {
  if (urlFromEnv) return { source: 'env', url: urlFromEnv };
  if (await probes.tcpAnswers('127.0.0.1', 6379)) return { source: 'local', url: LOCAL_REDIS_URL };
  if (await probes.dockerEngineAnswers()) return { source: 'docker', url: LOCAL_REDIS_URL };
  return { source: 'none' };
}
