import { createServer } from 'node:net';
import { type RunningServer } from '@antt/service-kit';
import { testRedisUrl, uniqueName } from '@antt/testing';
import { Redis } from 'ioredis';
import { post, startGatewayOver, startTreeSubgraph } from './support/in-process';

const BUDGET = { points: 4, durationSeconds: 2 };
const LIMITS = JSON.stringify({ rateLimits: { anonymous: BUDGET, authenticated: BUDGET } });

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('rate limits shared in Redis by gateway replicas', () => {
  const redisUrl = testRedisUrl();
  const keyPrefix = `antt:test:${uniqueName('rl_')}`;
  let redis: Redis;
  let subgraph: RunningServer;
  let replicas: RunningServer[] = [];

  beforeAll(async () => {
    redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    subgraph = await startTreeSubgraph();
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_KEY_PREFIX: keyPrefix, GATEWAY_LIMITS: LIMITS };
    replicas = [await startGatewayOver(subgraph.url, env), await startGatewayOver(subgraph.url, env)];
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await subgraph?.stop();
    // Only this test's keys.
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts one anonymous address across both replicas, refuses with 429 and Retry-After, and lets it in again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET.points; i += 1) statuses.push((await post(replicas[i % 2]!.url, { query: '{ ping }' })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const replica of replicas) {
      const refused = await post(replica.url, { query: '{ ping }' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(BUDGET.durationSeconds);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    expect((await redis.keys(`${keyPrefix}:*`)).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, BUDGET.durationSeconds * 1_000 + 200));
    expect((await post(replicas[1]!.url, { query: '{ ping }' })).json).toEqual({ data: { ping: 'pong' } });
  });

  it('reports the store in /ready', async () => {
    const ready = (await (await fetch(`http://127.0.0.1:${replicas[0]!.port}/ready`)).json()) as { checks: Record<string, string> };
    expect(ready.checks['rate-limit-store']).toBe('ok');
  });
});

describe('rate limits while Redis does not answer', () => {
  let subgraph: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    subgraph = await startTreeSubgraph();
    gateway = await startGatewayOver(subgraph.url, {
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      RATE_LIMIT_KEY_PREFIX: `antt:test:${uniqueName('rl_down_')}`,
      GATEWAY_LIMITS: LIMITS,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('still answers and still limits, in process, and /ready says the store is down without making the gateway unready', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= BUDGET.points; i += 1) statuses.push((await post(gateway.url, { query: '{ ping }' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const response = await fetch(`http://127.0.0.1:${gateway.port}/ready`);
    const ready = (await response.json()) as { status: string; failed: string[] };
    expect(response.status).toBe(200);
    expect(ready).toMatchObject({ status: 'degraded', failed: ['rate-limit-store'] });
  });
});
